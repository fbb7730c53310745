// A participant's reply as a readable file (`flipside-reply-<name>-<date>.json`) and as a text
// block for the body of an e-mail:
//
//   -----BEGIN FLIPSIDE REPLY-----
//   <base64url of the raw-DEFLATEd compact JSON, in lines of 64>
//   -----END FLIPSIDE REPLY-----
//
// Mail clients break lines and quote replies ("> ", "> > "): inside a block every character
// outside base64url is dropped before decoding, so a quoted or re-wrapped block reads the same.
// One text (a file, or what was pasted) may hold several blocks.
//
// Reading refuses, naming the source and the reason: text that is neither, JSON that is
// truncated or garbled, a block that is cut short (no END line) or damaged, a reply of a newer
// format, and anything larger than kMaxReplyBytes. Whether a reply is genuine, current and
// allowed is the merge's to decide (core/participants/merge.h).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/participants/reply.h"
#include "core/result.h"

namespace flipside::io {

inline constexpr std::size_t kMaxReplyBytes = 1024 * 1024;

std::string write_reply_json(const participants::Reply& reply);
std::string reply_text_block(const participants::Reply& reply);
// A file name for the reply: "flipside-reply-<name>-<YYYY-MM-DD>.json", the name in lower-case
// ASCII letters, digits and dashes.
std::string reply_file_name(const std::string& participant_name, UtcSeconds written_at);

// Whether `text` is meant as a reply (a JSON reply or text blocks, whole or damaged) rather than
// a document or a table: what an app that takes any dropped file uses to send it to the review
// of replies, where read_replies() then accepts it or says what is wrong with it.
bool is_reply_text(std::string_view text);

// Every reply in `text`: the JSON of one reply, or any number of text blocks.
Result<std::vector<participants::Reply>> read_replies(std::string_view text, const std::string& source);

}  // namespace flipside::io
