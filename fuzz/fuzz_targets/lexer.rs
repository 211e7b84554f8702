//! The lexer and the number recognizer on any text: no panic, spans on char
//! boundaries, every value inside its interval.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    for q in numlint::lexer::lex(text) {
        assert!(text.is_char_boundary(q.start) && text.is_char_boundary(q.end) && q.start < q.end);
        assert!(q.interval.contains(&q.value));
    }
    for r in numlint::lexer::recognize::numbers(text).into_iter().chain(numlint::lexer::recognize::percentages(text)) {
        assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    }
});
