#include "core/demo_names.h"

#include <numeric>
#include <stdexcept>

#include "core/demo_program.h"

namespace flipside {

namespace {

// Offices in several time zones, each with names of its region (diacritics and non-Latin scripts).
const std::array<DemoOffice, kDemoOfficeCount> kOffices = {{
    {"Europe/London", nullptr,
     {{{"Oliver", "oliver"}, {"Amelia", "amelia"}, {"Siobhán", "siobhan"}, {"Rhys", "rhys"}, {"Priya", "priya"},
       {"Callum", "callum"}, {"Zoë", "zoe"}, {"Aoife", "aoife"}}},
     {{{"Hughes", "hughes"}, {"O'Brien", "obrien"}, {"Patel", "patel"}, {"Davies", "davies"}, {"Okafor", "okafor"},
       {"Fitzgerald", "fitzgerald"}, {"Brontë", "bronte"}, {"Ní Bhriain", "nibhriain"}}}},
    {"America/New_York", "Español",
     {{{"Madison", "madison"}, {"José", "jose"}, {"Tyrone", "tyrone"}, {"Mei", "mei"}, {"Ethan", "ethan"},
       {"Lucía", "lucia"}, {"Jamal", "jamal"}, {"Chloé", "chloe"}}},
     {{{"Rodríguez", "rodriguez"}, {"Washington", "washington"}, {"Chen", "chen"}, {"Miller", "miller"},
       {"Nuñez", "nunez"}, {"Goldberg", "goldberg"}, {"Kowalski", "kowalski"}, {"Brooks", "brooks"}}}},
    {"Europe/Berlin", "Deutsch",
     {{{"Jürgen", "juergen"}, {"Lena", "lena"}, {"Maximilian", "maximilian"}, {"Anaïs", "anais"}, {"Björn", "bjoern"},
       {"Elif", "elif"}, {"Käthe", "kaethe"}, {"Noah", "noah"}}},
     {{{"Müller", "mueller"}, {"Schröder", "schroeder"}, {"Weiß", "weiss"}, {"Yılmaz", "yilmaz"}, {"Hoffmann", "hoffmann"},
       {"Åkesson", "akesson"}, {"Bäcker", "baecker"}, {"Krüger", "krueger"}}}},
    {"Europe/Warsaw", "Polski",
     {{{"Łukasz", "lukasz"}, {"Zofia", "zofia"}, {"Małgorzata", "malgorzata"}, {"Paweł", "pawel"}, {"Agnieszka", "agnieszka"},
       {"Jędrzej", "jedrzej"}, {"Wiktoria", "wiktoria"}, {"Tomáš", "tomas"}}},
     {{{"Wróbel", "wrobel"}, {"Nowak", "nowak"}, {"Mazur", "mazur"}, {"Dvořák", "dvorak"}, {"Krawczyk", "krawczyk"},
       {"Kaczmarek", "kaczmarek"}, {"Wójcik", "wojcik"}, {"Pawlak", "pawlak"}}}},
    {"Europe/Athens", "Ελληνικά",
     {{{"Αλέξανδρος", "alexandros"}, {"Ελένη", "eleni"}, {"Γιώργος", "giorgos"}, {"Μαρία", "maria"},
       {"Δημήτρης", "dimitris"}, {"Κατερίνα", "katerina"}, {"Νίκος", "nikos"}, {"Σοφία", "sofia"}}},
     {{{"Δημητρίου", "dimitriou"}, {"Κωνσταντίνου", "konstantinou"}, {"Νικολάου", "nikolaou"},
       {"Γεωργίου", "georgiou"}, {"Οικονόμου", "oikonomou"}, {"Αθανασίου", "athanasiou"}, {"Ιωάννου", "ioannou"},
       {"Αντωνίου", "antoniou"}}}},
    {"Europe/Kyiv", "Українська",
     {{{"Ольга", "olha"}, {"Дмитро", "dmytro"}, {"Анастасія", "anastasiia"}, {"Олександр", "oleksandr"},
       {"Ірина", "iryna"}, {"Тарас", "taras"}, {"Оксана", "oksana"}, {"Богдан", "bohdan"}}},
     {{{"Шевченко", "shevchenko"}, {"Коваленко", "kovalenko"}, {"Бондаренко", "bondarenko"}, {"Ткаченко", "tkachenko"},
       {"Мельник", "melnyk"}, {"Кравченко", "kravchenko"}, {"Олійник", "oliinyk"}, {"Гончаренко", "honcharenko"}}}},
    {"Asia/Singapore", "Bahasa Melayu",
     {{{"Wei Ling", "weiling"}, {"Arjun", "arjun"}, {"Siti", "siti"}, {"Jun Jie", "junjie"}, {"Kavitha", "kavitha"},
       {"Hafiz", "hafiz"}, {"Mei Xin", "meixin"}, {"Ravi", "ravi"}}},
     {{{"Tan", "tan"}, {"Lim", "lim"}, {"Nair", "nair"}, {"Rahman", "rahman"}, {"Ong", "ong"}, {"Subramaniam", "subramaniam"},
       {"Goh", "goh"}, {"Ismail", "ismail"}}}},
    {"Asia/Ho_Chi_Minh", "Tiếng Việt",
     {{{"Hương", "huong"}, {"Minh", "minh"}, {"Thảo", "thao"}, {"Đức", "duc"}, {"Lan", "lan"}, {"Quang", "quang"},
       {"Ngọc", "ngoc"}, {"Tuấn", "tuan"}}},
     {{{"Nguyễn", "nguyen"}, {"Trần", "tran"}, {"Lê", "le"}, {"Phạm", "pham"}, {"Hoàng", "hoang"}, {"Võ", "vo"},
       {"Đặng", "dang"}, {"Bùi", "bui"}}}},
    {"Australia/Sydney", nullptr,
     {{{"Lachlan", "lachlan"}, {"Matilda", "matilda"}, {"Kirra", "kirra"}, {"Hamish", "hamish"}, {"Isla", "isla"},
       {"Jarrah", "jarrah"}, {"Sienna", "sienna"}, {"Cooper", "cooper"}}},
     {{{"Nguyen", "nguyen"}, {"Thompson", "thompson"}, {"Walker", "walker"}, {"Kaur", "kaur"}, {"Mitchell", "mitchell"},
       {"Rossi", "rossi"}, {"Campbell", "campbell"}, {"Singh", "singh"}}}},
}};

// Permutations of `count` out of `items`: how many there are.
std::uint64_t arrangements(std::size_t items, std::size_t count) {
    std::uint64_t n = 1;
    for (std::size_t i = 0; i < count; ++i) n *= items - i;
    return n;
}

// The `index`-th arrangement of `count` distinct parts out of `parts` (mixed radix: the first
// digit picks among all parts, the next among those left), joined by `shown_glue` and `ascii_glue`.
void append_arrangement(const std::array<DemoNamePart, kDemoNamesPerList>& parts, std::size_t count,
                        std::uint64_t index, const char* shown_glue, const char* ascii_glue, DemoName& name) {
    std::array<bool, kDemoNamesPerList> used{};
    for (std::size_t k = 0; k < count; ++k) {
        const std::uint64_t left = kDemoNamesPerList - k;
        std::uint64_t digit = index % left;
        index /= left;
        std::size_t pick = 0;
        for (;; ++pick) {
            if (used[pick]) continue;
            if (digit == 0) break;
            --digit;
        }
        used[pick] = true;
        if (k > 0) {
            name.shown += shown_glue;
            name.email_stem += ascii_glue;
        }
        name.shown += parts[pick].shown;
        name.email_stem += parts[pick].ascii;
    }
}

}  // namespace

const std::array<DemoOffice, kDemoOfficeCount>& demo_offices() { return kOffices; }

const std::vector<DemoNameBook::Shape>& DemoNameBook::shapes() {
    static const std::vector<Shape> all = [] {
        std::vector<Shape> out;
        for (std::size_t step = 0; step < kDemoOfficeCount; ++step)  // the office's own family names first
            for (std::size_t givens = 1; givens <= 2; ++givens)
                for (std::size_t families = 1; families <= 2; ++families) out.push_back({step, givens, families});
        for (std::size_t step = 0; step < kDemoOfficeCount; ++step)
            for (std::size_t families = 1; families <= 2; ++families) out.push_back({step, 3, families});
        return out;
    }();
    return all;
}

bool DemoNameBook::next_free(std::size_t office, DemoName& out) {
    Cursor& cursor = cursors_[office];
    const std::vector<Shape>& all = shapes();
    while (cursor.shape < all.size()) {
        const Shape& shape = all[cursor.shape];
        const std::uint64_t given_ways = arrangements(kDemoNamesPerList, shape.givens);
        const std::uint64_t count = given_ways * arrangements(kDemoNamesPerList, shape.families);
        if (cursor.visited == 0) {  // a seeded order of this shape's names: a stride coprime to their count
            SeededRandom random(seed_ ^ (0x5DEECE66Dull * (office + 1)) ^ (static_cast<std::uint64_t>(cursor.shape) << 32));
            cursor.offset = random.next() % count;
            cursor.stride = 1 + random.next() % count;
            while (std::gcd(cursor.stride, count) != 1) cursor.stride = cursor.stride % count + 1;
        }
        while (cursor.visited < count) {
            const std::uint64_t index = (cursor.visited++ * cursor.stride + cursor.offset) % count;
            DemoName name;
            append_arrangement(kOffices[office].given, shape.givens, index % given_ways, " ", ".", name);
            name.shown += " ";
            name.email_stem += ".";
            append_arrangement(kOffices[(office + shape.family_office_step) % kDemoOfficeCount].family, shape.families,
                               index / given_ways, "-", "-", name);
            if (claim(name)) {
                out = std::move(name);
                return true;
            }
        }
        ++cursor.shape;
        cursor.visited = 0;
    }
    return false;
}

DemoName DemoNameBook::take(std::size_t office, std::size_t given, std::size_t family) {
    const DemoOffice& home = kOffices[office];
    DemoName name{std::string(home.given[given].shown) + " " + home.family[family].shown,
                  std::string(home.given[given].ascii) + "." + home.family[family].ascii};
    if (claim(name)) return name;
    for (std::size_t step = 0; step < kDemoOfficeCount; ++step)
        if (next_free((office + step) % kDemoOfficeCount, name)) return name;
    throw std::length_error("every demo name is taken");
}

}  // namespace flipside
