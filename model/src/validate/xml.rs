//! XML error bodies, checked: `root` and every member an element name the
//! crate reads exactly, and no field that only a JSON body can carry
//! (`envelope`, `problem_details`, params, the localized answers of `locales`).

use super::{Problems, SpecPath, table_path};
use crate::XmlBody;
use crate::spec::{SpecBody, SpecFile, SpecMediaType};
use crate::text_rules::shown;
use crate::xml::is_xml_name;

/// The body's XML, for `media_type: application/xml`: its root, with each
/// element name checked; `None` for a JSON body (which may not name a root).
pub(super) fn check_xml_body(problems: &mut Problems<'_>, at: &SpecPath, spec: &SpecBody) -> Option<XmlBody> {
    if spec.media_type == SpecMediaType::Json {
        if spec.root.is_some() {
            problems.push(
                at.field("root"),
                "`body: root` names the root element of an XML body, but the body is JSON",
                "add `media_type: application/xml` if the API answers in XML, or remove `root`",
            );
        }
        return None;
    }
    if spec.envelope.is_some() {
        problems.push(
            at.field("envelope"),
            "`body: envelope` wraps the members of a JSON body; an XML body's members sit in its `root`",
            "remove `envelope`, and name the element the members sit in with `root`",
        );
    }
    let members = [
        ("code", Some(&spec.code)),
        ("message", spec.message.as_ref()),
        ("details", spec.details.as_ref()),
        ("occurrence_id", spec.occurrence_id.as_ref()),
    ];
    for (field, name) in members {
        if let Some(name) = name
            && !name.is_empty()
        {
            check_name(problems, at, field, name);
        }
    }
    let Some(root) = &spec.root else {
        problems.push(
            at.field("media_type"),
            "an XML body needs `root`: the element its members sit in",
            "name the root element as the API sends it, e.g. `root: Error` for `<Error><Code>…</Code></Error>`",
        );
        return None;
    };
    check_name(problems, at, "root", root).then(|| XmlBody { root: root.clone() })
}

/// Whether `name` (the value of `body: field`) is an element name.
fn check_name(problems: &mut Problems<'_>, at: &SpecPath, field: &str, name: &str) -> bool {
    if is_xml_name(name) {
        return true;
    }
    problems.push(
        at.field(field),
        format!("`body: {field}: {}` is not an XML element name the crate can read", shown(name)),
        "an element name starts with a letter or `_`, then letters, digits, `_`, `-` or `.` \
         (no `:`: namespaces are not read; not `xml…`, which XML reserves), e.g. `RequestId`",
    );
    false
}

/// An XML body carries text members only: problem details (JSON by
/// definition), params (typed JSON members, lists among them) and the
/// localized answers (written as JSON) need a JSON body.
pub(super) fn check_xml_combinations(problems: &mut Problems<'_>, spec: &SpecFile) {
    if !spec.body.as_ref().is_some_and(|body| body.media_type == SpecMediaType::Xml) {
        return;
    }
    if spec.problem_details.is_some() {
        problems.push(
            SpecPath::root().field("problem_details"),
            "`problem_details` are JSON (`application/problem+json`), but `body:` is XML",
            "remove `problem_details`, or declare the JSON body the API answers with",
        );
    }
    if spec.locales.is_some() {
        problems.push(
            SpecPath::root().field("locales"),
            "`locales:` answers each error in the client's language as JSON, but `body:` is XML",
            "remove `locales:`, or declare a JSON body",
        );
    }
    if !spec.params.is_empty() {
        problems.push(
            SpecPath::root().field("params"),
            "params are members of a JSON body, but `body:` is XML (`media_type: application/xml`)",
            "remove `params:`, or declare a JSON body; an XML body carries its code, message, details and \
             occurrence id as text",
        );
    }
    let with_params = spec.tables.iter().enumerate().flat_map(|(t, table)| {
        table.errors.iter().enumerate().filter_map(move |(r, row)| {
            let field = if !row.params.is_empty() {
                "params"
            } else if row.message.is_some() {
                "message"
            } else {
                return None;
            };
            Some(table_path(t).field("errors").index(r).field(field))
        })
    });
    let rows: Vec<SpecPath> = with_params.collect();
    if let Some(first) = rows.first() {
        let more = match rows.len() {
            1 => String::new(),
            2 => " (and 1 more row)".to_owned(),
            n => format!(" (and {} more rows)", n - 1),
        };
        problems.push(
            first.clone(),
            format!(
                "a row's params and message template are members of a JSON body, but `body:` is XML{more}"
            ),
            "remove the rows' `params:` and `message:`, or declare a JSON body",
        );
    }
}
