// The who-said-what table (core/analysis/who_said_what.h): speakers down,
// articles across, each cell the claims that speaker made in that article
// and who reported them. Sort by speaker or by number of claims, filter by
// any word, click a claim to read it in place, export the table as CSV.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/analysis/who_said_what.h"
#include "ui/annotator.h"
#include "ui/fonts.h"
#include "ui/model_watch.h"

namespace cm::ui {

class WhoSaidWhatView {
public:
    void draw(Annotator& an, const FontSet& fonts);
    const analysis::WhoSaidWhat& table() const { return table_; }

private:
    void refresh(Annotator& an);
    void draw_cell(Annotator& an, size_t row, size_t col);

    analysis::WhoSaidWhatOptions options_;
    analysis::WhoSaidWhat table_;
    std::vector<std::vector<std::vector<std::string>>> cell_text_;  // [row][col][claim]: clipped claim text
    ModelWatch watch_;
    std::string applied_filter_;
    bool dirty_ = true;
    std::vector<uint8_t> expanded_;  // rows showing every claim (else a few per cell)
};

}  // namespace cm::ui
