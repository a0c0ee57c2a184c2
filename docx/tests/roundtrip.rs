//! The written .docx opens back: a ZIP whose word/document.xml holds the
//! bulletin's sentence and a red task's name, on A4, in Chinese fonts.

use gongjian::domain::bulletin::sentence;
use gongjian::domain::example::luohu_2022;
use gongjian::domain::Lang;
use gongjian_docx::{docx_bytes, docx_bytes_from_json, Document};
use std::io::Read;

fn document_xml(bytes: &[u8]) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut xml = String::new();
    zip.by_name("word/document.xml").expect("word/document.xml").read_to_string(&mut xml).expect("utf-8");
    xml
}

fn bulletin_doc(lang: Lang) -> (Document, String, String) {
    let p = luohu_2022();
    let to = p.settings.as_of.expect("as of");
    let (from, end) = p.bulletin_period(to);
    let b = p.bulletin(from, end, to);
    // The app's document, through JSON, as the worker is sent it.
    let json = serde_json::to_string(&b.document(&p, lang)).expect("json");
    let doc: Document = serde_json::from_str(&json).expect("the same shape");
    let red = p.task(b.red[0].task).expect("a red task").title.get(lang).to_string();
    (doc, sentence(lang, &b.figures, b.to), red)
}

#[test]
fn the_bulletin_opens_back_with_its_sentence_and_red_tasks() {
    for lang in [Lang::Zh, Lang::En] {
        let (doc, sentence, red) = bulletin_doc(lang);
        let xml = document_xml(&docx_bytes(&doc).expect("written"));
        assert!(xml.contains(&sentence), "{lang:?}: sentence missing");
        assert!(xml.contains(&red), "{lang:?}: {red} missing");
        assert!(xml.contains(&doc.title));
        // A4 portrait, and the east-Asian fonts set.
        assert!(xml.contains(r#"w:w="11906""#) && xml.contains(r#"w:h="16838""#), "not A4");
        assert!(xml.contains(r#"w:eastAsia="仿宋""#) && xml.contains(r#"w:eastAsia="黑体""#));
    }
}

#[test]
fn the_app_document_and_this_one_have_the_same_shape() {
    let (doc, ..) = bulletin_doc(Lang::Zh);
    let p = luohu_2022();
    let to = p.settings.as_of.expect("as of");
    let app = p.bulletin(to, to, to).document(&p, Lang::Zh);
    let there: serde_json::Value = serde_json::to_value(&app).expect("json");
    let back: Document = serde_json::from_value(there.clone()).expect("reads");
    assert_eq!(serde_json::to_value(&back).expect("json"), there);
    assert!(!doc.blocks.is_empty());
}

#[test]
fn what_is_not_a_document_is_an_error_not_a_panic() {
    for bad in ["", "{}", "[1,2]", r#"{"title":1,"blocks":[]}"#, r#"{"title":"t","blocks":[{"table":{"columns":[],"rows":[[null]]}}]}"#] {
        assert!(docx_bytes_from_json(bad).is_err(), "{bad}");
    }
    // An empty document and a table with no columns are still documents.
    assert!(docx_bytes(&Document::default()).is_ok());
    assert!(docx_bytes_from_json(r#"{"title":"t","blocks":[{"table":{"columns":[],"rows":[]}}]}"#).is_ok());
}
