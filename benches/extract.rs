//! Extraction throughput on the shared corpus (or the bundled example when the corpus is absent).
//! Run: `cargo bench --bench extract`. For repeatable figures use `scripts/bench_release.sh` or callgrind.

use std::path::PathBuf;

// The same allocator as the binary, so the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    divan::main();
}

fn corpus_text() -> String {
    let dir = std::env::var_os("VNCITE_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus"));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|x| x == "txt"));
    files.sort();
    let mut text: String = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect::<Vec<_>>()
        .join("\n");
    if text.is_empty() {
        let example =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("examples/quyet_dinh_ubnd.txt");
        text = std::fs::read_to_string(example).unwrap_or_default();
    }
    text
}

#[divan::bench]
fn extract_corpus(bencher: divan::Bencher) {
    let text = corpus_text();
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| vncite::extract(divan::black_box(&text)));
}

#[divan::bench]
fn extract_news_sized_text(bencher: divan::Bencher) {
    let text = "Ngày 21/4/2022, Chính phủ ban hành Nghị quyết số 57/NQ-CP. Thực hiện Nghị quyết số 128/NQ-CP ngày 11/9/2020; Chỉ thị số 27/CT-TTg ngày 19/11/2019.".repeat(20);
    bencher
        .counter(divan::counter::BytesCount::new(text.len()))
        .bench(|| vncite::extract(divan::black_box(&text)));
}
