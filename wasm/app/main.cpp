// Entry point for both builds. On the web, main() returns after starting
// the browser-driven loop and the app lives on; natively it runs the loop.
#include "app/app.h"

int main(int argc, char** argv) {
    static cm::app::App app;  // outlives main() on the web
    if (!app.init(cm::app::parse_options(argc, argv))) return 1;
    cm::platform::run_main_loop(app.window(), [] { return app.frame(); });
#ifndef __EMSCRIPTEN__
    app.shutdown();
#endif
    return 0;
}
