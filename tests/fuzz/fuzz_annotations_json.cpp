// Fuzzes annotations_from_json (the state claimmark.state() returns) against
// the lengths of the fixed documents "a" and "b". What a unit test checks
// (tests/unit/test_annotations_json.cpp, "damaged files never throw"): either
// annotations or errors, never both or neither; every error in words; what
// loads keeps the editor's invariants and writes back to JSON that loads to
// the same bytes again.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/annotations_json.h"
#include "fuzz_common.h"

using namespace cm;
using cm::fuzz::need;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const DocLengthFn lengths = cm::fuzz::lengths_of(cm::fuzz::fixture_docs());
    const std::string_view json(reinterpret_cast<const char*>(data), size);
    const AnnotationsLoad load = annotations_from_json(json, lengths);
    need(load.annotations.has_value() == load.errors.empty(), "either annotations or errors, never both or neither");
    for (const std::string& e : load.errors) need(!e.empty(), "every error is in words");
    if (!load.annotations) return 0;

    Editor ed(lengths, [] { return 0.0; });
    ed.reset(*load.annotations);
    const std::string broken = ed.check_invariants();
    need(broken.empty(), "loaded annotations keep the editor's invariants", broken);

    const std::string text = annotations_to_json(*load.annotations);
    const AnnotationsLoad again = annotations_from_json(text, lengths);
    std::string errors;
    for (const std::string& e : again.errors) errors += e + "\n";
    need(again.annotations.has_value(), "what was loaded, written out, loads again", errors);
    need(annotations_to_json(*again.annotations) == text, "write -> load -> write gives the same bytes");
    return 0;
}
