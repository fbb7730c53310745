#include "core/sha256.h"

#include <cstring>

namespace flipside {

namespace {

constexpr std::uint32_t kRound[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

inline std::uint32_t rotate_right(std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

class Sha256 {
public:
    void update(const std::uint8_t* data, std::size_t size) {
        total_ += size;
        while (size > 0) {
            const std::size_t take = std::min<std::size_t>(64 - filled_, size);
            std::memcpy(block_ + filled_, data, take);
            filled_ += take;
            data += take;
            size -= take;
            if (filled_ == 64) {
                compress(block_);
                filled_ = 0;
            }
        }
    }
    void update(std::string_view text) { update(reinterpret_cast<const std::uint8_t*>(text.data()), text.size()); }

    Sha256Digest finish() {
        const std::uint64_t bits = total_ * 8;
        const std::uint8_t one = 0x80, zero = 0;
        update(&one, 1);
        while (filled_ != 56) update(&zero, 1);
        std::uint8_t length[8];
        for (int i = 0; i < 8; ++i) length[i] = static_cast<std::uint8_t>(bits >> (56 - 8 * i));
        update(length, 8);
        Sha256Digest out{};
        for (int i = 0; i < 8; ++i)
            for (int j = 0; j < 4; ++j) out[static_cast<std::size_t>(4 * i + j)] = static_cast<std::uint8_t>(state_[i] >> (24 - 8 * j));
        return out;
    }

private:
    void compress(const std::uint8_t* chunk) {
        std::uint32_t w[64];
        for (int i = 0; i < 16; ++i)
            w[i] = (std::uint32_t(chunk[4 * i]) << 24) | (std::uint32_t(chunk[4 * i + 1]) << 16) |
                   (std::uint32_t(chunk[4 * i + 2]) << 8) | std::uint32_t(chunk[4 * i + 3]);
        for (int i = 16; i < 64; ++i) {
            const std::uint32_t s0 = rotate_right(w[i - 15], 7) ^ rotate_right(w[i - 15], 18) ^ (w[i - 15] >> 3);
            const std::uint32_t s1 = rotate_right(w[i - 2], 17) ^ rotate_right(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        std::uint32_t a = state_[0], b = state_[1], c = state_[2], d = state_[3];
        std::uint32_t e = state_[4], f = state_[5], g = state_[6], h = state_[7];
        for (int i = 0; i < 64; ++i) {
            const std::uint32_t s1 = rotate_right(e, 6) ^ rotate_right(e, 11) ^ rotate_right(e, 25);
            const std::uint32_t choose = (e & f) ^ (~e & g);
            const std::uint32_t t1 = h + s1 + choose + kRound[i] + w[i];
            const std::uint32_t s0 = rotate_right(a, 2) ^ rotate_right(a, 13) ^ rotate_right(a, 22);
            const std::uint32_t majority = (a & b) ^ (a & c) ^ (b & c);
            const std::uint32_t t2 = s0 + majority;
            h = g;
            g = f;
            f = e;
            e = d + t1;
            d = c;
            c = b;
            b = a;
            a = t1 + t2;
        }
        state_[0] += a; state_[1] += b; state_[2] += c; state_[3] += d;
        state_[4] += e; state_[5] += f; state_[6] += g; state_[7] += h;
    }

    std::uint32_t state_[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                               0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
    std::uint8_t block_[64] = {};
    std::size_t filled_ = 0;
    std::uint64_t total_ = 0;
};

// HMAC with the key's inner and outer pads hashed once, reused for every PBKDF2 round.
class Hmac {
public:
    explicit Hmac(std::string_view key) {
        std::uint8_t block[64] = {};
        if (key.size() > 64) {
            const Sha256Digest hashed = sha256(key);
            std::memcpy(block, hashed.data(), hashed.size());
        } else {
            std::memcpy(block, key.data(), key.size());
        }
        std::uint8_t pad[64];
        for (int i = 0; i < 64; ++i) pad[i] = block[i] ^ 0x36;
        inner_.update(pad, 64);
        for (int i = 0; i < 64; ++i) pad[i] = block[i] ^ 0x5c;
        outer_.update(pad, 64);
    }
    Sha256Digest digest(const std::uint8_t* message, std::size_t size) const {
        Sha256 inner = inner_;
        inner.update(message, size);
        const Sha256Digest inner_digest = inner.finish();
        Sha256 outer = outer_;
        outer.update(inner_digest.data(), inner_digest.size());
        return outer.finish();
    }

private:
    Sha256 inner_, outer_;
};

}  // namespace

Sha256Digest sha256(std::string_view data) {
    Sha256 hash;
    hash.update(data);
    return hash.finish();
}

Sha256Digest hmac_sha256(std::string_view key, std::string_view message) {
    return Hmac(key).digest(reinterpret_cast<const std::uint8_t*>(message.data()), message.size());
}

std::vector<std::uint8_t> pbkdf2_hmac_sha256(std::string_view password, std::string_view salt,
                                             std::uint32_t iterations, std::size_t length) {
    const Hmac prf(password);
    std::vector<std::uint8_t> out;
    out.reserve(length);
    std::vector<std::uint8_t> salted(salt.begin(), salt.end());
    salted.resize(salt.size() + 4);
    for (std::uint32_t block = 1; out.size() < length; ++block) {
        for (int i = 0; i < 4; ++i) salted[salt.size() + static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(block >> (24 - 8 * i));
        Sha256Digest u = prf.digest(salted.data(), salted.size());
        Sha256Digest t = u;
        for (std::uint32_t round = 1; round < iterations; ++round) {
            u = prf.digest(u.data(), u.size());
            for (std::size_t i = 0; i < t.size(); ++i) t[i] ^= u[i];
        }
        for (std::size_t i = 0; i < t.size() && out.size() < length; ++i) out.push_back(t[i]);
    }
    return out;
}

std::string to_hex(const std::uint8_t* bytes, std::size_t count) {
    static const char kDigits[] = "0123456789abcdef";
    std::string out;
    out.reserve(count * 2);
    for (std::size_t i = 0; i < count; ++i) {
        out += kDigits[bytes[i] >> 4];
        out += kDigits[bytes[i] & 15];
    }
    return out;
}

}  // namespace flipside
