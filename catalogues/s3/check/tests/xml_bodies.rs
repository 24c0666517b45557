//! S3's error bodies as AWS's documentation shows them, read through the
//! generated crate: each example's code, message and request id, and a
//! body the crate writes read back with every text as it was.
//!
//! The bodies are quoted verbatim (without the listings' line numbers)
//! from `awsdocs/amazon-s3-developer-guide` at commit
//! e5e6bbd2771d39e8ce3736849548a94b98d5094b (CC BY-SA 4.0, ../LICENSE):
//! `doc_source/UsingRESTError.md`, `doc_source/RESTRedirect.md`,
//! `doc_source/Redirects.md` and `doc_source/troubleshooting.md`.

use s3_errors::{ApiError, ApiErrorKind, ErrorBody, ErrorCode, S3Error};

/// (source, HTTP status, body, code, message, request id)
type Example = (&'static str, u16, &'static str, S3Error, &'static str, Option<&'static str>);

const EXAMPLES: &[Example] = &[
    (
        "UsingRESTError.md",
        404,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<Error>
  <Code>NoSuchKey</Code>
  <Message>The resource you requested does not exist</Message>
  <Resource>/mybucket/myfoto.jpg</Resource> 
  <RequestId>4442587FB7D0A2F9</RequestId>
</Error>",
        S3Error::NoSuchKey,
        "The resource you requested does not exist",
        Some("4442587FB7D0A2F9"),
    ),
    (
        "RESTRedirect.md",
        307,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<Error>
  <Code>TemporaryRedirect</Code>
  <Message>Please re-send this request to the
  specified temporary endpoint. Continue to use the
  original request endpoint for future requests.
  </Message>
  <Endpoint>quotes.s3-4c25d83b.amazonaws.com</Endpoint>
  <Bucket>quotes</Bucket>
</Error>",
        S3Error::TemporaryRedirect,
        "Please re-send this request to the\n  specified temporary endpoint. Continue to use the\n  original request endpoint for future requests.\n  ",
        None,
    ),
    (
        "Redirects.md",
        307,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>
<Error>
  <Code>TemporaryRedirect</Code>
  <Message>Please re-send this request to the specified temporary endpoint.
  Continue to use the original request endpoint for future requests.</Message>
  <Endpoint>awsexamplebucket1.s3-gztb4pa9sq.amazonaws.com</Endpoint>
</Error>",
        S3Error::TemporaryRedirect,
        "Please re-send this request to the specified temporary endpoint.\n  Continue to use the original request endpoint for future requests.",
        None,
    ),
    (
        "troubleshooting.md",
        403,
        "<Error><Code>AccessDenied</Code><Message>Access Denied</Message>
<RequestId>79104EXAMPLEB723</RequestId><HostId>IOWQ4fDEXAMPLEQM+ey7N9WgVhSnQ6JEXAMPLEZb7hSQDASK+Jd1vEXAMPLEa3Km</HostId></Error>",
        S3Error::AccessDenied,
        "Access Denied",
        Some("79104EXAMPLEB723"),
    ),
];

#[test]
fn aws_documentation_bodies_read_as_their_codes() {
    for &(source, status, body, error, message, request_id) in EXAMPLES {
        let read = ApiError::from_response(status, body.as_bytes());
        assert_eq!(read.kind(), ApiErrorKind::Code(ErrorCode::S3(error)), "{source}");
        assert_eq!(read.error_code(), Some(ErrorCode::S3(error)), "{source}");
        assert_eq!(read.message(), Some(message), "{source}");
        assert_eq!(read.body().and_then(|body| body.request_id.as_deref()), request_id, "{source}");
        assert_eq!(read.raw_body(), body.as_bytes(), "{source}");
        assert_eq!(read.status(), status, "{source}");
    }
}

#[test]
fn a_written_body_reads_back_with_every_text_as_it_was() {
    let text = "Key 'a<b>&\"c\"' — ünïcødé\r\nline";
    let body = ErrorBody::new(s3_errors::BodyCode::from(ErrorCode::S3(S3Error::NoSuchKey)), text)
        .with_request_id(text);
    let xml = body.to_xml();
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchKey</Code>"));
    assert!(xml.contains("a&lt;b&gt;&amp;&quot;c&quot;"));
    let read = ApiError::from_response(404, xml.as_bytes());
    assert_eq!(read.body(), Some(&body));
    assert_eq!(read.message(), Some(text));
}

#[test]
fn a_body_that_is_not_s3_s_xml_keeps_the_status_and_the_bytes() {
    for body in [
        &b"<Error><Code>NoSuchKey</Code>"[..],
        b"<ListBucketResult><Code>NoSuchKey</Code></ListBucketResult>",
        b"<html><body>503 Service Unavailable</body></html>",
        b"\xff\xfe<\0E\0",
        b"",
    ] {
        let read = ApiError::from_response(503, body);
        assert_eq!(read.error_code(), None);
        assert_eq!(read.kind(), ApiErrorKind::Unknown { status: 503, code: None });
        assert!(read.body().is_none());
        assert_eq!(read.raw_body(), body);
    }
}
