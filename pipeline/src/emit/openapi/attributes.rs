//! Per-row attributes in the documents: the declarations once, as the
//! schema [`ATTRIBUTES_SCHEMA`], and each code's values beside it as
//! `x-attributes` (3.1) or by code as `x-attributes-by-code` (3.0).

use super::DESCRIPTION;
use super::schema::Schema;
use crate::emit::yaml::OrderedMap;
use errcat_model::{AttributeType, AttributeValue, Catalogue, Row, Table};

/// The name of the attributes' schema under `components/schemas`: it
/// does not end in `Code`, so no table's code schema can take it.
pub const ATTRIBUTES_SCHEMA: &str = "ErrorAttributes";

/// The declarations as an object schema, one property per attribute.
pub(super) fn attributes_schema(catalogue: &Catalogue) -> Schema {
    let properties = catalogue
        .attributes
        .iter()
        .map(|attribute| {
            let schema = Schema {
                kind: Some(attribute.kind.json_type()),
                format: (attribute.kind == AttributeType::Integer).then_some("int64"),
                description: Some(DESCRIPTION.paragraph(&attribute.description)),
                ..Schema::default()
            };
            (attribute.name.clone(), schema)
        })
        .collect();
    let required: Vec<String> =
        catalogue.attributes.iter().filter(|a| a.required).map(|a| a.name.clone()).collect();
    Schema {
        title: Some("Error attributes".to_owned()),
        description: Some(
            "The attributes each code has beside its name and description: a code's \
             values are its `x-attributes` (by code in `x-attributes-by-code` in OpenAPI 3.0)."
                .to_owned(),
        ),
        kind: Some("object"),
        required: (!required.is_empty()).then_some(required),
        properties: Some(OrderedMap(properties)),
        ..Schema::default()
    }
}

/// A row's values, by attribute name, in declaration order; `None` when
/// it gives none.
pub(super) fn row_values(catalogue: &Catalogue, row: &Row) -> Option<OrderedMap<AttributeValue>> {
    let values: Vec<(String, AttributeValue)> = catalogue
        .attributes
        .iter()
        .zip(&row.attributes)
        .filter_map(|(attribute, value)| Some((attribute.name.clone(), value.clone()?)))
        .collect();
    (!values.is_empty()).then_some(OrderedMap(values))
}

/// Each code's values (its aliases' too), by code (3.0); `None` when no
/// row gives any.
pub(super) fn values_by_code(
    catalogue: &Catalogue,
    table: &Table,
) -> Option<OrderedMap<OrderedMap<AttributeValue>>> {
    let by_code: Vec<(String, OrderedMap<AttributeValue>)> = table
        .rows
        .iter()
        .flat_map(|row| std::iter::once(&row.code).chain(&row.aliases).map(move |code| (code, row)))
        .filter_map(|(code, row)| Some((code.to_string(), row_values(catalogue, row)?)))
        .collect();
    (!by_code.is_empty()).then_some(OrderedMap(by_code))
}
