//! The reference's "Error responses" section for an XML body: the root
//! element, its members as child elements, and the body a service sends
//! for one code, as it is written.

use errcat_model::text::code_span;
use errcat_model::{Body, BodyRole, MessageText, Row, XmlBody};

/// The section, with `row`'s body as the example.
pub(super) fn body_section(body: &Body, xml: &XmlBody, row: &Row) -> String {
    let message = match body.message_text {
        MessageText::Name => &row.name,
        MessageText::Description => &row.description,
    };
    let code = row.code.to_string();
    let members = body.members.iter().filter_map(|member| match member.role {
        BodyRole::Code => Some((member.key.as_str(), code.as_str())),
        BodyRole::Message => Some((member.key.as_str(), message.as_str())),
        BodyRole::Details | BodyRole::OccurrenceId => None,
    });
    let example = xml.pretty(members);
    let fence = fence_for(&example);
    format!(
        "## Error responses\n\n\
         A service answers an error with its HTTP status and an XML body\n\
         (`application/xml`, the OpenAPI schema `ErrorBody`): the element {root},\n\
         whose child elements are the members, each holding text:\n\n\
         | Element | Type | Description |\n\
         | --- | --- | --- |\n\
         {fields}\n\
         {code} is the code exactly as listed; each text is escaped as XML escapes\n\
         it (`&amp;`, `&lt;`, …), and elements the table does not list may follow.\n\
         For {shown}:\n\n\
         {fence}xml\n{example}\n{fence}\n",
        root = code_span(&format!("<{}>", xml.root)),
        fields = super::body_field_lines(body),
        code = code_span(&body.code().key),
        shown = code_span(&code),
        example = example,
    )
}

/// A backtick fence longer than any run of backticks in `text`, and at
/// least three long, so that no line of `text` can close it.
fn fence_for(text: &str) -> String {
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    "`".repeat(longest.max(2) + 1)
}

#[cfg(test)]
mod tests {
    use super::fence_for;

    #[test]
    fn no_line_of_the_example_closes_its_fence() {
        assert_eq!(fence_for("<Code>A</Code>"), "```");
        assert_eq!(fence_for("a ``` b ~~~~ c"), "````");
        assert_eq!(fence_for("```\n~~~~\n`````"), "``````");
    }
}
