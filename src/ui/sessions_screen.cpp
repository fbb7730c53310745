// The Sessions screen: every pair of every wave with sessions held and planned. (The journal,
// agenda, follow-ups and feedback join it.)
#include <imgui.h>

#include "app/app.h"
#include "ui/pair_table.h"
#include "ui/screen.h"
#include "ui/widgets.h"

namespace flipside::ui {

namespace {

class SessionsScreen final : public Screen {
public:
    const char* title() const override { return "Sessions"; }
    void draw(app::App& app) override {
        const Document& d = app.document();
        if (d.pairs.empty()) {
            hint("No pairs yet: pairs appear here once the Matching proposal is accepted.");
            return;
        }
        draw_pair_table("AllPairs", d, std::string());
    }
};

}  // namespace

std::unique_ptr<Screen> make_sessions_screen() { return std::make_unique<SessionsScreen>(); }

}  // namespace flipside::ui
