#include <doctest/doctest.h>

#include "io/reply_json.h"
#include "participants_test_support.h"

using namespace flipside;
using namespace flipside::participants;
using namespace flipside::testing;

namespace {
Reply sample_reply() {
    Document d = paired_document();
    return reply_with(invite(d, "R1", {"P1"}).at(0),
                      {{"skills", {"Excel:4", "Power BI (DAX, M)"}}, {"background", {std::string(3000, 'b')}}}, 3);
}
std::string refusal(const Result<std::vector<Reply>>& read) { return read.ok() ? std::string("(read)") : read.message(); }
// What a mail client does to a pasted block: re-wraps lines at 40 and quotes the reply twice.
std::string mangled_by_mail(const std::string& block) {
    std::string out = "On Monday Anna wrote:\n";
    std::string line;
    for (const char c : block) {
        if (c == '\n') continue;
        line += c;
        if (line.size() == 40 || line == "-----BEGIN FLIPSIDE REPLY-----") {
            out += "> > " + line + "\r\n";
            line.clear();
        }
    }
    return out + "> > " + line + "\n> \nThanks!\n";
}
}  // namespace

TEST_CASE("a reply file and a text block read back exactly, signature included") {
    const Reply reply = sample_reply();
    const auto file = io::read_replies(io::write_reply_json(reply), "anna.json");
    REQUIRE_MESSAGE(file.ok(), file.message());
    REQUIRE(file->size() == 1);
    CHECK(canonical_reply_text(file->at(0)) == canonical_reply_text(reply));
    CHECK(file->at(0).signature == reply.signature);
    const std::string block = io::reply_text_block(reply);
    CHECK(block.rfind("-----BEGIN FLIPSIDE REPLY-----\n", 0) == 0);
    const auto pasted = io::read_replies(block + "\n" + block, "pasted.txt");
    REQUIRE_MESSAGE(pasted.ok(), pasted.message());
    CHECK(pasted->size() == 2);
}

TEST_CASE("a text block re-wrapped and quoted by a mail client is cleaned and accepted") {
    const Reply reply = sample_reply();
    const auto read = io::read_replies(mangled_by_mail(io::reply_text_block(reply)), "mail.txt");
    REQUIRE_MESSAGE(read.ok(), read.message());
    CHECK(read->at(0).signature == reply.signature);
    CHECK(canonical_reply_text(read->at(0)) == canonical_reply_text(reply));
}

TEST_CASE("truncated, garbled, huge, foreign or newer replies are refused, naming the source") {
    const Reply reply = sample_reply();
    const std::string json = io::write_reply_json(reply);
    CHECK(refusal(io::read_replies(json.substr(0, json.size() - 30), "anna.json")) == "anna.json: not valid JSON: the reply is truncated or garbled");
    const std::string block = io::reply_text_block(reply);
    CHECK(refusal(io::read_replies(block.substr(0, block.size() / 2), "mail.txt")).find("no END FLIPSIDE REPLY") != std::string::npos);
    std::string cut = block;
    cut.erase(40, 70);
    CHECK(refusal(io::read_replies(cut, "mail.txt")).find("mail.txt (reply block 1)") != std::string::npos);
    CHECK(refusal(io::read_replies(std::string(io::kMaxReplyBytes + 1, '{'), "big.json")).find("too large") != std::string::npos);
    CHECK(refusal(io::read_replies("{\"format\":\"flipside\"}", "data.json")).find("not a Flipside reply") != std::string::npos);
    std::string newer = json;
    newer.replace(newer.find("\"version\": 1"), 12, "\"version\": 2");
    CHECK(refusal(io::read_replies(newer, "anna.json")).find("newer Flipside") != std::string::npos);
}

TEST_CASE("reply file names are plain ASCII") {
    CHECK(io::reply_file_name("Zoë Åkesson", kIssued) == "flipside-reply-zo-kesson-2026-11-23.json");
    CHECK(io::reply_file_name("", kIssued) == "flipside-reply-participant-2026-11-23.json");
}
