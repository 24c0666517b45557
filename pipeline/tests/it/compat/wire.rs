//! The property test's edits of the error answer on the wire: the body
//! declared or dropped, its code member renamed, an occurrence member
//! added or removed, the envelope put on or taken off, and what the
//! message member holds flipped.

use super::*;

/// The spec's `body:`, when it declares one.
#[derive(Debug, Clone)]
pub(super) struct Body {
    pub(super) code: &'static str,
    pub(super) occurrence_id: Option<&'static str>,
    pub(super) envelope: bool,
    pub(super) description: bool,
}

impl Body {
    /// The fixture's: `{"error": {"code", "message"}}`, the message its name.
    pub(super) fn fixture() -> Option<Body> {
        Some(Body { code: "code", occurrence_id: None, envelope: true, description: false })
    }
}

#[derive(Debug, Clone)]
pub(super) enum WireEdit {
    /// Declares the fixture's body, or drops the body.
    Toggle,
    /// Renames the code member, or gives it back its first name.
    RenameCode,
    /// Adds an occurrence member, or removes it.
    Occurrence,
    Envelope,
    MessageText,
}

/// The property on wire edits, three in four, mixed with any other edit:
/// its own test, so that the other runs' cases stay what they were.
#[test]
fn gen_and_diff_decide_alike_on_the_wire() {
    decide_alike(false, prop_oneof![3 => wire_edit(), 1 => edit()], 64, &[ChangeKind::WireChanged]);
}

fn wire_edit() -> BoxedStrategy<Edit> {
    proptest::sample::select(
        &[
            WireEdit::Toggle,
            WireEdit::RenameCode,
            WireEdit::Occurrence,
            WireEdit::Envelope,
            WireEdit::MessageText,
        ][..],
    )
    .prop_map(Edit::Wire)
    .boxed()
}

/// Applies one wire edit to the spec.
pub(super) fn apply(spec: &mut Spec, edit: &WireEdit) {
    if let WireEdit::Toggle = edit {
        spec.body = match spec.body {
            Some(_) => None,
            None => Body::fixture(),
        };
        return;
    }
    let Some(body) = &mut spec.body else { return };
    match edit {
        WireEdit::Toggle => {}
        WireEdit::RenameCode => body.code = if body.code == "code" { "errorCode" } else { "code" },
        WireEdit::Occurrence => {
            body.occurrence_id = if body.occurrence_id.is_some() { None } else { Some("traceId") };
        }
        WireEdit::Envelope => body.envelope = !body.envelope,
        WireEdit::MessageText => body.description = !body.description,
    }
}

/// The `body:` line of the spec's YAML, if it declares one.
pub(super) fn body_yaml(out: &mut String, body: &Option<Body>) {
    let Some(body) = body else { return };
    let _ = write!(out, "body: {{code: {}, message: message", body.code);
    if let Some(key) = body.occurrence_id {
        let _ = write!(out, ", occurrence_id: {key}");
    }
    if body.envelope {
        out.push_str(", envelope: error");
    }
    if body.description {
        out.push_str(", message_text: description");
    }
    out.push_str("}\n");
}
