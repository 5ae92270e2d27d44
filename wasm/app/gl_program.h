// Builds a GL program from two embedded shader sources (shaders/*, one
// source for WebGL2 and desktop GL 3.3: the #version line and the ES
// precision are put in front here). On failure, 0 and the GL's reason.
#pragma once
#include <string>
#include <utility>
#include <vector>

namespace cm::app {

unsigned build_program(const char* vertex_asset, const char* fragment_asset,
                       const std::vector<std::pair<unsigned, const char*>>& attributes, std::string& error);

}  // namespace cm::app
