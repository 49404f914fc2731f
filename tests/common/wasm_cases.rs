//! Cases run inside wasm, in Node and in headless Chromium: the offsets a
//! JavaScript caller gets slice its own string, checked with JS's `slice`.

use js_sys::{Array, JsString, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;
use zhlens::wasm_api::Analyzer;

use crate::common::inputs::{news_of_size, small_inputs};
use crate::common::samples::{ASTRAL, PAGE};

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn num(v: &JsValue, key: &str) -> u32 {
    get(v, key).as_f64().unwrap() as u32
}

/// Every object of `list` has `text === input.slice(start, end)`.
fn assert_slices(input: &str, list: &JsValue) -> u32 {
    let js = JsString::from(input);
    let list: Array = list.clone().dyn_into().unwrap();
    for item in list.iter() {
        let sliced = js.slice(num(&item, "start"), num(&item, "end"));
        assert_eq!(JsValue::from(sliced), get(&item, "text"));
    }
    list.length()
}

#[wasm_bindgen_test]
fn entity_and_token_offsets_are_utf16_slices() {
    let analyzer = Analyzer::new(JsValue::UNDEFINED).unwrap();
    for text in [ASTRAL, PAGE] {
        let analysis = analyzer.analyze(&text.into()).unwrap();
        assert!(assert_slices(text, &get(&analysis, "entities")) > 0);
        assert!(assert_slices(text, &analyzer.tokens(&text.into()).unwrap()) > 10);
    }
}

/// A text with a span of every kind and every field: an organization with
/// its short name, a person with a role, figures with a range, a qualifier,
/// a measure and a change.
const EVERY_FIELD: &str = "北京经济技术开发区（以下简称经开区）党工委书记王强表示，经开区今年投资1500万元至1600万元，\
    4900余家企业同比增长约12%。\n\n新区建设芯片设计高地\n\n□本报记者 李明\n\n\
    近日，经开区集成电路产业产值达428亿元，新能源汽车销量下降5.5%，中芯国际董事长刘洋说。\n";

#[wasm_bindgen_test]
fn the_analysis_and_tokens_in_javascript_are_the_native_ones() {
    // Articles, entities and tokens cross as columns that JavaScript builds
    // objects from, organizations as JSON: the objects must be those the
    // native core makes.
    let analyzer = Analyzer::new(JsValue::UNDEFINED).unwrap();
    let native = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
    let large = news_of_size(zhlens::articles::PART_BYTES * 2);
    for text in [EVERY_FIELD, PAGE, ASTRAL, &large] {
        // Through JSON.parse, so numbers are written as JavaScript writes them.
        let as_js = |json: String| js_sys::JSON::stringify(&js_sys::JSON::parse(&json).unwrap()).unwrap();
        let got = js_sys::JSON::stringify(&analyzer.analyze(&text.into()).unwrap()).unwrap();
        let expected = as_js(serde_json::to_string(&native.analyze(text).unwrap()).unwrap());
        assert!(got == expected, "{got}\n{expected}");
        let got = js_sys::JSON::stringify(&analyzer.tokens(&text.into()).unwrap()).unwrap();
        let expected = as_js(serde_json::to_string(&native.tokens(text).unwrap()).unwrap());
        assert!(got == expected, "{got}\n{expected}");
    }
    let every = native.analyze(EVERY_FIELD).unwrap();
    let figures: Vec<_> = every
        .entities
        .iter()
        .filter_map(|e| match &e.detail {
            zhlens::Detail::Figure(f) => Some(f),
            _ => None,
        })
        .collect();
    assert!(figures.iter().any(|f| f.value_to.is_some()) && figures.iter().any(|f| f.qualifier.is_some()));
    assert!(figures.iter().any(|f| f.measure.is_some()) && figures.iter().any(|f| f.change.is_some()));
    assert!(every.entities.iter().any(|e| matches!(&e.detail, zhlens::Detail::Person { role: Some(_), .. })));
    assert!(every.entities.iter().any(|e| matches!(&e.detail, zhlens::Detail::Org { name } if *name != e.text)));
    let kinds: std::collections::HashSet<_> = every.entities.iter().map(|e| e.detail.kind()).collect();
    assert_eq!(kinds.len(), 6, "{kinds:?}");
}

#[wasm_bindgen_test]
fn articles_come_back_as_plain_objects() {
    let analyzer = Analyzer::new(JsValue::UNDEFINED).unwrap();
    let analysis = analyzer.analyze(&PAGE.into()).unwrap();
    let articles: Array = get(&analysis, "articles").dyn_into().unwrap();
    assert_eq!(articles.length(), 3);
    let authors: Array = get(&articles.get(0), "authors").dyn_into().unwrap();
    assert_eq!(authors.length(), 1);
    assert_eq!(authors.get(0), JsValue::from_str("李明"));
    assert_eq!(get(&articles.get(2), "kind"), JsValue::from_str("caption"));
}

#[wasm_bindgen_test]
fn long_results_cross_whole_and_in_order() {
    // Results cross in chunks of thousands of items, a part of the text at
    // a time: a text of several parts, with several chunks of each.
    let text = news_of_size(zhlens::articles::PART_BYTES * 2).replace("某新区", "北京经济技术开发区（以下简称经开区）");
    let analyzer = Analyzer::new(JsValue::UNDEFINED).unwrap();
    let native = zhlens::Analyzer::new(zhlens::Options::default()).unwrap();
    let expected = native.analyze(&text).unwrap();
    assert!(expected.entities.len() > 2 * 4096, "{}", expected.entities.len());
    let analysis = analyzer.analyze(&text.as_str().into()).unwrap();
    let entities: Array = get(&analysis, "entities").dyn_into().unwrap();
    assert_eq!(entities.length() as usize, expected.entities.len());
    for (i, e) in expected.entities.iter().enumerate().step_by(997) {
        let got = entities.get(i as u32);
        assert_eq!((num(&got, "start") as usize, num(&got, "end") as usize), (e.start, e.end), "entity {i}");
        assert_eq!(get(&got, "article").as_f64().map(|a| a as usize), e.article, "entity {i}");
    }
    let articles: Array = get(&analysis, "articles").dyn_into().unwrap();
    assert_eq!(articles.length() as usize, expected.articles.len());
    let last = articles.get(articles.length() - 1);
    assert_eq!(num(&last, "start") as usize, expected.articles.last().unwrap().start);
    // One row per organization, its mentions counted over every part.
    let organizations: Array = get(&analysis, "organizations").dyn_into().unwrap();
    assert!(!expected.organizations.is_empty());
    assert_eq!(organizations.length() as usize, expected.organizations.len());
    for (i, o) in expected.organizations.iter().enumerate() {
        let got = organizations.get(i as u32);
        assert_eq!(
            (get(&got, "name").as_string().unwrap(), num(&got, "mentions") as usize),
            (o.name.clone(), o.mentions)
        );
    }
    let tokens = native.tokens(&text).unwrap();
    let got: Array = analyzer.tokens(&text.as_str().into()).unwrap().dyn_into().unwrap();
    assert_eq!(got.length() as usize, tokens.len());
    let last = got.get(got.length() - 1);
    assert_eq!(num(&last, "end") as usize, tokens.last().unwrap().end);
}

#[wasm_bindgen_test]
fn bad_options_and_oversized_input_throw_errors() {
    let options = js_sys::Object::new();
    Reflect::set(&options, &"maxInputBytes".into(), &JsValue::from(4)).unwrap();
    let analyzer = Analyzer::new(options.into()).unwrap();
    let err = JsValue::from(analyzer.analyze(&"北京".into()).unwrap_err());
    assert!(err.is_instance_of::<js_sys::Error>());
    let message: String = js_sys::Error::from(err).message().into();
    assert!(message.contains("maxInputBytes"), "{message}");

    let bogus = js_sys::Object::new();
    Reflect::set(&bogus, &"maxInputByte".into(), &JsValue::from(4)).unwrap();
    let err = JsValue::from(Analyzer::new(bogus.into()).err().unwrap());
    let message: String = js_sys::Error::from(err).message().into();
    assert!(message.contains("unknown field"), "{message}");
}

/// `text` analyzes in wasm and every entity and token slices it; figure
/// values are finite numbers.
pub fn assert_input(analyzer: &Analyzer, name: &str, text: &str) {
    let analysis = analyzer.analyze(&text.into()).unwrap_or_else(|e| panic!("{name}: {:?}", JsValue::from(e)));
    let entities = get(&analysis, "entities");
    assert_slices(text, &entities);
    for e in Array::from(&entities).iter() {
        if get(&e, "kind") == "figure" {
            assert!(get(&e, "value").as_f64().is_some_and(f64::is_finite), "{name}: {e:?}");
        }
    }
    assert_slices(text, &analyzer.tokens(&text.into()).unwrap());
}

#[wasm_bindgen_test]
fn every_named_input_analyzes_with_valid_offsets() {
    let analyzer = Analyzer::new(JsValue::UNDEFINED).unwrap();
    for (name, text) in small_inputs() {
        assert_input(&analyzer, name, &text);
    }
}
