//! Params and message templates, checked: each name one identifier in
//! every target language, free of the body's members, and every
//! placeholder a declared param a message can show.

use heck::ToSnakeCase;

use super::{Problems, Skipped, check_text};
use crate::locales::check_tag;
use crate::params::{Param, ParamType, Template, is_param_name, parse_template, reserved_by};
use crate::plural::check_select;
use crate::source::SpecPath;
use crate::spec::{SpecFile, SpecParamType, SpecParams};
use crate::text_rules::shown;
use crate::{Body, Table};

/// The members of RFC 9457 problem details, which no param may be.
const PROBLEM_MEMBERS: [&str; 5] = ["type", "title", "status", "detail", "instance"];

/// Checks the catalogue's shared params and each read row's params and
/// message, filling the rows in; returns the shared params.
pub(super) fn check_all_params(
    problems: &mut Problems<'_>,
    skipped: &Skipped,
    spec: &SpecFile,
    body: Option<&Body>,
    tables: &mut [Table],
) -> Vec<Param> {
    let mut taken: Vec<(String, String)> = Vec::new();
    if let Some(body) = body {
        for member in &body.members {
            taken.push((member.key.clone(), format!("the body's `{}` member", member.key)));
        }
        if let Some(envelope) = &body.envelope {
            taken.push((envelope.clone(), "the body's envelope".to_owned()));
        }
    }
    if spec.problem_details.is_some() {
        for member in PROBLEM_MEMBERS {
            taken.push((member.to_owned(), format!("the problem details member `{member}`")));
        }
    }
    let shared = if skipped.read("params") {
        check_params(problems, &SpecPath::root(), "the catalogue", &spec.params, &taken)
    } else {
        Vec::new()
    };
    // The language a selecting message's categories are of; a malformed
    // tag is `locales.rs`'s problem, and its messages are not judged by it.
    let language = match &spec.locales {
        Some(locales) => check_tag(&locales.default).is_ok().then_some(Some(locales.default.as_str())),
        None => Some(None),
    };
    for param in &shared {
        taken.push((param.name.clone(), "a param every error carries (top-level `params:`)".to_owned()));
    }
    let read_tables = (0..spec.tables.len()).filter(|t| !skipped.tables.contains(t));
    for (t, table) in read_tables.zip(tables.iter_mut()) {
        let spec_rows = &spec.tables[t].errors;
        let read_rows = (0..spec_rows.len()).filter(|&r| !skipped.rows.contains(&(t, r)));
        for (r, row) in read_rows.zip(&mut table.rows) {
            let here = format!("table `{}`, row {} (`{}`)", table.id, r + 1, shown(&row.name));
            row.params = check_params(problems, &row.at, &here, &spec_rows[r].params, &taken);
            if let Some(message) = &spec_rows[r].message {
                let known: Vec<&Param> = shared.iter().chain(&row.params).collect();
                row.message =
                    check_message(problems, (&row.at, &here), (message, language), &known, &row.params);
            }
        }
    }
    shared
}

/// The params declared under `at`'s `params:`.
fn check_params(
    problems: &mut Problems<'_>,
    at: &SpecPath,
    here: &str,
    spec: &SpecParams,
    taken: &[(String, String)],
) -> Vec<Param> {
    let mut params = Vec::with_capacity(spec.0.len());
    for (name, declared) in &spec.0 {
        let at = at.field("params").field(name);
        let name_at = at.parent().unwrap_or_default().key(name);
        if !is_param_name(name) {
            let suggestion = name.to_snake_case();
            let suggestion = if is_param_name(&suggestion) { suggestion } else { "request_id".to_owned() };
            problems.push(
                name_at.clone(),
                format!("{here}: `{}` is not a param name", shown(name)),
                format!(
                    "use lowercase ASCII snake_case starting with a letter (one identifier in Rust, JSON, \
                     TypeScript and Python), e.g. `{suggestion}`"
                ),
            );
        } else if let Some(language) = reserved_by(name) {
            problems.push(
                name_at.clone(),
                format!("{here}: the param `{name}` is a reserved word in {language}"),
                format!("choose a name that no generated client has to escape, e.g. `{name}_name`"),
            );
        } else if let Some((_, what)) = taken.iter().find(|(key, _)| key == name) {
            problems.push(
                name_at.clone(),
                format!("{here}: the param `{name}` has the name of {what}"),
                "rename the param: params and those members share one JSON object",
            );
        }
        if declared.description.trim().is_empty() {
            problems.push(
                at.field("description"),
                format!("{here}: the param `{}` has a blank `description`", shown(name)),
                "say what the param holds, e.g. `description: The table the statement named.`",
            );
        }
        check_text(problems, at.clone(), here, "description", &declared.description);
        params.push(Param {
            name: name.clone(),
            ty: param_type(declared.ty),
            description: declared.description.clone(),
            required: declared.required,
            data_only: declared.data_only,
            at,
        });
    }
    params
}

fn param_type(ty: SpecParamType) -> ParamType {
    match ty {
        SpecParamType::String => ParamType::String,
        SpecParamType::Integer => ParamType::Integer,
        SpecParamType::Number => ParamType::Number,
        SpecParamType::Boolean => ParamType::Boolean,
        SpecParamType::Strings => ParamType::Strings,
    }
}

/// A row's `message:`: a template whose placeholders are params it may
/// show (`known`), and which shows each of the row's own required params
/// not declared data only.
fn check_message(
    problems: &mut Problems<'_>,
    (row_at, here): (&SpecPath, &str),
    (source, language): (&str, Option<Option<&str>>),
    known: &[&Param],
    own: &[Param],
) -> Option<Template> {
    let at = row_at.field("message");
    if source.trim().is_empty() {
        problems.push(at, format!("{here}: `message` is blank"), "write the message, or remove `message`");
        return None;
    }
    check_text(problems, row_at.clone(), here, "message", source);
    let mut template = match parse_template(source) {
        Ok(template) => template,
        Err(fault) => {
            let near: String = source[fault.at..].chars().take(24).collect();
            problems.push(
                at,
                format!("{here}: `message`: {} (at `{}`)", fault.problem, shown(&near)),
                fault.help,
            );
            return None;
        }
    };
    if let Some(language) = language
        && let Err((problem, help)) = check_select(&mut template, language, known)
    {
        problems.push(at, format!("{here}: `message`: {problem}"), help);
        return None;
    }
    let mut sound = true;
    for name in template.placeholders() {
        let Some(param) = known.iter().find(|param| param.name == name) else {
            let declared: Vec<&str> = known.iter().map(|param| param.name.as_str()).collect();
            let help = match closest(name, &declared) {
                Some(near) => format!(
                    "did you mean `{{${near}}}`? Otherwise declare `{name}` under the row's `params:`"
                ),
                None => format!(
                    "declare it under the row's `params:`, e.g. `{}: {{type: string, description: …}}`",
                    shown(name)
                ),
            };
            problems.push(
                at.clone(),
                format!("{here}: `{{${}}}` names no declared param", shown(name)),
                help,
            );
            sound = false;
            continue;
        };
        let fault = if !param.ty.shown_in_text() {
            Some((
                "is a list, which a message cannot show",
                "remove the placeholder and declare the param `data_only: true`",
            ))
        } else if !param.required {
            Some((
                "is optional, and a message shows only what every occurrence carries",
                "make the param required, or remove the placeholder",
            ))
        } else if param.data_only {
            Some((
                "a param declared `data_only`",
                "remove `data_only: true` from the param, or the placeholder",
            ))
        } else {
            None
        };
        if let Some((problem, help)) = fault {
            problems.push(at.clone(), format!("{here}: `message` shows `{name}`, {problem}"), help);
            sound = false;
        }
    }
    let shown_names = template.placeholders();
    for param in own {
        if param.required && !param.data_only && !shown_names.contains(&param.name.as_str()) {
            problems.push(
                param.at.parent().unwrap_or_default().key(&param.name),
                format!("{here}: the required param `{}` is not in the row's `message`", param.name),
                format!("show it with `{{${}}}` in the message, or declare it `data_only: true`", param.name),
            );
            sound = false;
        }
    }
    sound.then_some(template)
}

/// The declared name nearest to `name`, if one is near.
fn closest<'a>(name: &str, declared: &[&'a str]) -> Option<&'a str> {
    declared
        .iter()
        .map(|candidate| (strsim::damerau_levenshtein(name, candidate), *candidate))
        .filter(|(distance, candidate)| *distance <= 2.max(candidate.len() / 3))
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}
