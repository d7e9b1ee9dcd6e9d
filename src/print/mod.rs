//! Printers of extractions: each owns its format, apart from the model and the command line.

mod json_lines;
mod table;

pub use json_lines::{write_json_line, JsonLineParts};
pub use table::write_table;
