//! Reading XML error bodies (`body: media_type: application/xml`): S3's
//! documented `NoSuchKey` body and hostile bodies of 8 and 64 KiB through
//! the S3 catalogue's `ApiError::from_parts`. The reader makes one pass, so
//! the 64 KiB body should take about 8 times the 8 KiB one.

use std::hint::black_box;

use criterion::Criterion;
use http::{HeaderMap, HeaderValue, StatusCode, header::CONTENT_TYPE};

/// S3's example of a REST error response (its developer guide,
/// `UsingRESTError.md`).
const TYPICAL: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error>\n  <Code>NoSuchKey</Code>\n  \
                       <Message>The resource you requested does not exist</Message>\n  \
                       <Resource>/mybucket/myfoto.jpg</Resource> \n  <RequestId>4442587FB7D0A2F9</RequestId>\n</Error>";

/// A well-formed body of `size` bytes that makes a reader work: a prolog
/// of comments, then the code, a message of references and CDATA, and
/// many unknown elements nested three deep with attributes.
pub(crate) fn hostile(size: usize) -> Vec<u8> {
    let mut body =
        String::from("<?xml version=\"1.0\"?><!-- a --><!DOCTYPE Error [<!ENTITY e \"x>\">]>\n<Error>");
    body.push_str("<Code>NoSuchKey</Code><Message>");
    while body.len() < size / 2 {
        body.push_str("&amp;&#233;&#x1F600;<![CDATA[<&>]]>&bogus;");
    }
    body.push_str("</Message>");
    let mut i = 0;
    while body.len() < size - 40 {
        body.push_str(&format!("<x{i} a=\"1>\"><y><z>t&lt;</z><!-- c --></y></x{i}>"));
        i += 1;
    }
    body.push_str("</Error>");
    body.into_bytes()
}

pub(crate) fn parse_xml(c: &mut Criterion) {
    let mut headers = HeaderMap::new();
    headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/xml"));
    let status = StatusCode::NOT_FOUND;
    for (what, body) in [
        ("typical", TYPICAL.as_bytes().to_vec()),
        ("hostile_8k", hostile(8 << 10)),
        ("hostile_64k", hostile(64 << 10)),
    ] {
        let read = s3_errors::ApiError::from_parts(status, &headers, &body);
        assert_eq!(
            read.error_code(),
            Some(s3_errors::ErrorCode::S3(s3_errors::S3Error::NoSuchKey)),
            "{what}"
        );
        let mut group = c.benchmark_group(format!("parse_xml/{what}"));
        group.bench_function("generated", |b| {
            b.iter(|| s3_errors::ApiError::from_parts(status, &headers, black_box(&body)))
        });
        group.finish();
    }
}
