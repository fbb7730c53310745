// The CSV import dialog: map each column of an HR export to a profile field (guessed from the
// headers), preview the first rows, read the report (rows to add, to update, refused with row,
// column and reason), then import the valid rows as one undoable step, or cancel.
#pragma once

#include <memory>

namespace flipside::app {
class App;
}

namespace flipside::ui {

class CsvImportDialog {
public:
    CsvImportDialog();
    ~CsvImportDialog();
    // Opens itself when the app holds a pending CSV file.
    void draw(app::App& app);

    struct State;  // the mapping and report of the file being imported (csv_import_dialog.cpp)

private:
    std::unique_ptr<State> state_;
};

}  // namespace flipside::ui
