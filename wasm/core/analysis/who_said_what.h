// The who-said-what table: speakers (rows) × articles (columns), each cell
// the claims attributed to that speaker in that article, with who reported
// them. A speaker is an entity when the said_by span is linked to one (so
// "Ren Zhengfei", "Mr. Ren" and "Zhengfei" are one row), else the speaker
// span's text; claims with no speaker share one row at the end.
#pragma once
#include <string>
#include <vector>

#include "core/analysis/attribution.h"

namespace cm::analysis {

struct AttributedClaim {
    Id claim = kNoId;
    std::vector<Party> sources;  // reported_by ends
};

struct SpeakerRow {
    Party speaker;              // name "" and entity kNoId for the no-speaker row
    bool no_speaker = false;
    std::vector<std::vector<AttributedClaim>> cells;  // one per column, in text order
    size_t claims = 0;          // over all cells
    size_t first_column = 0;    // where the speaker first appears (for sorting)
};

enum class SpeakerOrder { ByName, ByClaims, ByFirstArticle };

struct WhoSaidWhatOptions {
    // Rows and claims whose speaker name, claim text or source names contain
    // this (case-insensitively for ASCII letters); empty keeps everything.
    std::string filter;
    SpeakerOrder order = SpeakerOrder::ByClaims;
    // Each order has a natural direction (most claims first, names A–Z,
    // earliest article first); reverse turns it round.
    bool reverse = false;
    bool include_no_speaker = true;
};

struct WhoSaidWhat {
    std::vector<std::string> columns;  // document ids, in corpus order (documents with claims only)
    std::vector<SpeakerRow> rows;
    size_t claims = 0;  // claims shown (a claim with two speakers is in two rows, counted once)
};

WhoSaidWhat who_said_what(const Annotations& a, const Corpus& corpus, const WhoSaidWhatOptions& options = {});

// The table as CSV for spreadsheets (RFC 4180, UTF-8 with a BOM, formula
// cells guarded as in the claims export): one row per speaker, article and
// claim — speaker, speaker_entity_id, article_id, article_title, outlet,
// claim, reported_by, claim_start, claim_end.
std::string who_said_what_csv(const WhoSaidWhat& table, const Annotations& a, const Corpus& corpus);

}  // namespace cm::analysis
