//! The splicer's unit tests: what a fixed file keeps, fills and leaves out.

use quote::{ToTokens, quote};

use super::{Fixed, Named, Slots, TextSlot};

const SOURCE: &str = "//! A file.
use std::fmt;
/// An A for {$who}.
///
/// ```
/// let a = {$value};
/// {$check}
///
/// done();
/// ```
#[derive(Debug)]
pub struct A {
    /// X, {$who}.
    pub x: u8,
}
impl A {
    /// F.
    #[must_use]
    pub fn f(self) -> bool { self.x as i128 != 0 }
    pub fn g(self) {}
}
impl fmt::Display for A {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(\"a\") }
}
fn helper() {}
#[cfg(test)]
mod tests {}
";

fn printed(fixed: Fixed) -> String {
    let file: syn::File = syn::parse2(fixed.to_token_stream()).unwrap();
    prettyplease::unparse(&file)
}

#[test]
fn drops_uses_and_tests_and_keeps_docs_where_they_are() {
    let text = printed(Fixed::parse(SOURCE));
    assert!(!text.contains("use std"), "{text}");
    assert!(!text.contains("mod tests"), "{text}");
    assert!(text.starts_with("/// An A for {$who}.\n///\n/// ```\n"), "{text}");
    assert!(text.contains("    /// F.\n    #[must_use]\n    pub fn f"), "{text}");
}

#[test]
fn fills_slots_in_every_doc_comment_line_by_line() {
    let slots =
        Slots::new().with("who", "you").with("value", "1").with("check", "assert!(a > 0);\nassert!(a < 2);");
    let text = printed(Fixed::parse(SOURCE).fill(&slots));
    assert!(
        text.starts_with(
            "/// An A for you.\n///\n/// ```\n/// let a = 1;\n/// assert!(a > 0);\n/// assert!(a < 2);\n///\n/// done();\n/// ```\n#[derive(Debug)]\npub struct A {\n    /// X, you.\n"
        ),
        "{text}"
    );
}

#[test]
fn a_slot_alone_on_its_line_and_empty_takes_the_line() {
    let slots = Slots::new().with("who", "").with("value", "1").with("check", "");
    let text = printed(Fixed::parse(SOURCE).fill(&slots));
    assert!(text.starts_with("/// An A for .\n///\n/// ```\n/// let a = 1;\n///\n/// done();\n"), "{text}");
}

#[test]
fn a_slot_without_a_value_stays_and_is_listed() {
    let fixed = Fixed::parse(SOURCE);
    let names: Vec<String> = fixed.slots().into_iter().collect();
    assert_eq!(names, ["check", "value", "who"]);
    let text = printed(fixed.fill(&Slots::new().with("who", "you")));
    assert!(text.contains("/// let a = {$value};\n"), "{text}");
}

#[test]
fn leaves_out_types_with_their_impls_functions_and_methods() {
    let fixed = Fixed::parse(SOURCE);
    assert!(fixed.has(Named::Method("A", "g")) && fixed.has(Named::Fn("helper")));
    let fixed = fixed.without(Named::Method("A", "g")).without(Named::Fn("helper"));
    assert!(!fixed.has(Named::Method("A", "g")) && fixed.has(Named::Method("A", "f")));
    assert!(!fixed.has(Named::Fn("helper")));
    let fixed = fixed.without(Named::Type("A"));
    assert!(fixed.to_token_stream().is_empty());
}

#[test]
fn replaces_an_expression_wherever_it_is() {
    let old: syn::Expr = syn::parse_quote!(self.x as i128 != 0);
    let new: syn::Expr = syn::parse_quote!(self.x != 0);
    let text = printed(Fixed::parse(SOURCE).replace_expr(&old, &new));
    assert!(text.contains("pub fn f(self) -> bool {\n        self.x != 0\n    }"), "{text}");
}

#[test]
fn a_module_keeps_the_file_docs() {
    let file: syn::File = syn::parse2(Fixed::parse(SOURCE).into_module("inner")).unwrap();
    let text = prettyplease::unparse(&file);
    assert!(text.starts_with("mod inner {\n    //! A file.\n"), "{text}");
}

#[test]
fn text_slots_are_the_lines_prettyplease_prints() {
    let variants = TextSlot::Variants.tokens();
    let consts = TextSlot::Consts.tokens();
    let items = TextSlot::Items.tokens();
    let file: syn::File = syn::parse2(quote! {
        enum E { #variants }
        impl E { #consts }
        mod m { #items }
    })
    .unwrap();
    let mut text = prettyplease::unparse(&file);
    TextSlot::Variants.fill(&mut text, "    A,\n    B,\n");
    TextSlot::Consts.fill(&mut text, "    const C: u8 = 1;\n");
    TextSlot::Items.fill(&mut text, "    struct S;\n");
    assert_eq!(
        text,
        "enum E {\n    A,\n    B,\n}\nimpl E {\n    const C: u8 = 1;\n}\nmod m {\n    struct S;\n}\n"
    );
}

#[test]
fn keeps_or_leaves_out_the_elements_marked_for_a_catalogue() {
    const MARKED: &str = "pub struct B {
    pub x: u8,
    #[cfg(extra)]
    /// Only with `extra`.
    pub y: Option<u8>,
}
impl B {
    pub fn new(x: u8) -> Self {
        #[cfg(extra)]
        let y = Some(x);
        #[cfg(not(extra))]
        let x = x + 1;
        Self {
            x,
            #[cfg(extra)]
            y,
        }
    }
}
";
    let without = printed(Fixed::parse(MARKED).cfg("extra", false));
    assert!(!without.contains("cfg") && !without.contains('y'), "{without}");
    assert!(without.contains("let x = x + 1;\n        Self { x }"), "{without}");
    let with = printed(Fixed::parse(MARKED).cfg("extra", true));
    assert!(!with.contains("cfg") && !with.contains("x + 1"), "{with}");
    assert!(with.contains("/// Only with `extra`.\n    pub y: Option<u8>,"), "{with}");
    assert!(with.contains("let y = Some(x);\n        Self { x, y }"), "{with}");
    // Another name's marks stay as they are.
    assert!(printed(Fixed::parse(MARKED).cfg("other", true)).contains("#[cfg(extra)]"));
}
