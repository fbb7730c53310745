// The browser's side of the platform seam (platform.h): storage, downloads and the file
// picker, the system clipboard, Date.now()/performance.now(), crypto.getRandomValues, the page's address. One class per file:
// web_storage.cpp, web_files.cpp, web_clipboard.cpp, web_clock.cpp, web_random.cpp,
// web_navigation.cpp.
//
// DOM work (creating <a download>, <input type=file>, clipboard events) lives in
// web_shell/flipside-shell.js, which the module reaches as Module.flipsideShell; the C++ side
// only forwards. localStorage is called directly: it is a plain synchronous API, not DOM wiring.
#pragma once

#include <string>
#include <string_view>

#include "platform/interface/platform.h"

namespace flipside::platform::web {

class WebStorage final : public Storage {
public:
    std::optional<std::string> read(const std::string& key) override;
    bool contains(const std::string& key) override;
    WriteResult write(const std::string& key, const std::string& value) override;
    WriteResult create(const std::string& key, const std::string& value) override;
    void remove(const std::string& key) override;
    std::size_t used_bytes(const std::string& prefix) override;
    std::uint64_t quota_bytes() override;
    Durability durability() override;
    Persistence persistence() override;
    std::string problem() override;
};

// The `ns` query parameter of the page ("?ns=team-a") when it is 1..40 characters of
// [A-Za-z0-9_-]; "default" otherwise. Two embeds on one origin keep their data apart this way.
// A participant's app adds "participant-" before it ("participant" alone for "default").
std::string page_storage_namespace();
std::string storage_namespace_or_default(std::string_view requested);

// A string the page malloc'ed into the module's heap, copied and freed.
std::string take_js_string(char* copy);

class WebFiles final : public Files {
public:
    void download(const std::string& file_name, const std::string& mime_type,
                  const std::string& content) override;
    void request_upload(const std::string& accept) override;
    void request_uploads(const std::string& accept) override;
};

// The browser only hands out clipboard text inside a paste event, so text() answers with what
// the last paste delivered (or what Flipside itself copied last).
class WebClipboard final : public Clipboard {
public:
    void set_text(const std::string& text) override;
    std::string text() override { return text_; }
    // Text from a DOM paste event, before ImGui sees the paste shortcut.
    void receive_paste(std::string text) { text_ = std::move(text); }
    const char* c_str() const { return text_.c_str(); }

private:
    std::string text_;
};

// Whether this tab edits the data: the page claims a Web Lock before the module starts
// (web_shell/flipside-tabs.js). web_editing.cpp.
class WebEditingLease final : public EditingLease {
public:
    bool held_at_start() override;
    void request() override;
};

// crypto.getRandomValues (web_random.cpp).
class WebRandom final : public Random {
public:
    std::string bytes(std::size_t count) override;
};

// The page's address and opening others (web_navigation.cpp).
class WebNavigation final : public Navigation {
public:
    std::string app_address() override;
    void open_url(const std::string& url) override;
};

class WebClock final : public Clock {
public:
    UtcSeconds now_utc() override;
    double monotonic_seconds() override;
};

}  // namespace flipside::platform::web
