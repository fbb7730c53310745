#include <doctest/doctest.h>

#include "app/kiosk_lock.h"
#include "platform/memory_platform.h"

using namespace flipside;
using app::KioskLock;

TEST_CASE("kiosk mode needs a PIN to enter and the right PIN to leave") {
    platform::MemoryStorage storage;
    platform::ManualClock clock;
    KioskLock lock(storage, clock, "hr");
    CHECK_FALSE(lock.enter_kiosk_mode());
    CHECK(lock.set_pin("12").message() == "The PIN must have 4 to 32 characters.");
    CHECK(lock.set_pin("0000").message() == "Choose a PIN that is not one character repeated.");
    REQUIRE(lock.set_pin("4821").ok());
    CHECK(lock.enter_kiosk_mode());
    CHECK(lock.leave_kiosk_mode("1111") == KioskLock::UnlockResult::Wrong);
    CHECK(lock.in_kiosk_mode());
    CHECK(lock.leave_kiosk_mode("4821") == KioskLock::UnlockResult::Accepted);
    CHECK_FALSE(lock.in_kiosk_mode());
}

TEST_CASE("the PIN is stored only as a salted hash, and the mode survives a reload") {
    platform::MemoryStorage storage;
    platform::ManualClock clock;
    {
        KioskLock lock(storage, clock, "hr");
        REQUIRE(lock.set_pin("4821").ok());
        REQUIRE(lock.enter_kiosk_mode());
    }
    const std::string stored = storage.entries()["flipside/hr/kiosk"];
    CHECK(stored.find("4821") == std::string::npos);
    CHECK(stored.size() > 64);
    KioskLock reloaded(storage, clock, "hr");
    CHECK(reloaded.in_kiosk_mode());
    CHECK(reloaded.leave_kiosk_mode("4821") == KioskLock::UnlockResult::Accepted);
    // Another namespace has its own lock.
    KioskLock other(storage, clock, "portal-b");
    CHECK_FALSE(other.has_pin());
}

TEST_CASE("wrong PINs are rate-limited, also across reloads") {
    platform::MemoryStorage storage;
    platform::ManualClock clock;
    KioskLock lock(storage, clock, "hr");
    REQUIRE(lock.set_pin("4821").ok());
    REQUIRE(lock.enter_kiosk_mode());
    for (int i = 0; i < KioskLock::kFreeAttempts; ++i) CHECK(lock.leave_kiosk_mode("0001") == KioskLock::UnlockResult::Wrong);
    CHECK(lock.seconds_locked() == KioskLock::kFirstLockoutSeconds);
    CHECK(lock.leave_kiosk_mode("4821") == KioskLock::UnlockResult::LockedOut);
    KioskLock reloaded(storage, clock, "hr");
    CHECK(reloaded.leave_kiosk_mode("4821") == KioskLock::UnlockResult::LockedOut);
    clock.utc += KioskLock::kFirstLockoutSeconds;
    CHECK(reloaded.leave_kiosk_mode("9999") == KioskLock::UnlockResult::Wrong);
    CHECK(reloaded.seconds_locked() == 2 * KioskLock::kFirstLockoutSeconds);  // doubled
    clock.utc += 2 * KioskLock::kFirstLockoutSeconds;
    CHECK(reloaded.leave_kiosk_mode("4821") == KioskLock::UnlockResult::Accepted);
}
