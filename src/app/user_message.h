// A message for the status area: what happened, and when it matters why.
#pragma once

#include <string>
#include <vector>

namespace flipside::app {

enum class MessageKind { Info, Error };

struct UserMessage {
    MessageKind kind = MessageKind::Info;
    std::string text;
    std::string title;                 // when set, the message also opens a dialog with this title
    std::vector<std::string> details;  // e.g. one line per problem found in an imported file
    bool about_the_data = false;       // describes the data on screen (the demo's welcome): goes when it is replaced
};

}  // namespace flipside::app
