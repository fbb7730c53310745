// Base64url (RFC 4648 §5) without padding: the alphabet that survives a URL fragment and an
// e-mail body unchanged (no '+', '/' or '=').
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace flipside::io {

std::string base64url_encode(std::string_view bytes);
// The bytes, or nullopt when `text` holds a character outside the alphabet or a length no
// encoding gives (one character left over).
std::optional<std::string> base64url_decode(std::string_view text);

}  // namespace flipside::io
