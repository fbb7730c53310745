// SHA-256 (FIPS 180-4), HMAC-SHA-256 (RFC 2104) and PBKDF2-HMAC-SHA-256 (RFC 8018), for the
// kiosk PIN. In the core because the browser's crypto.subtle is missing on plain-http pages.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace flipside {

using Sha256Digest = std::array<std::uint8_t, 32>;

Sha256Digest sha256(std::string_view data);
Sha256Digest hmac_sha256(std::string_view key, std::string_view message);
// `length` bytes of key derived from `password` and `salt` with `iterations` rounds.
std::vector<std::uint8_t> pbkdf2_hmac_sha256(std::string_view password, std::string_view salt,
                                             std::uint32_t iterations, std::size_t length);

std::string to_hex(const std::uint8_t* bytes, std::size_t count);
template <std::size_t N>
std::string to_hex(const std::array<std::uint8_t, N>& bytes) { return to_hex(bytes.data(), N); }
inline std::string to_hex(const std::vector<std::uint8_t>& bytes) { return to_hex(bytes.data(), bytes.size()); }

}  // namespace flipside
