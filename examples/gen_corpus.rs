//! Writes a synthetic corpus for benchmarks: N documents of realistic length, each citing about ten earlier
//! ones in the forms real texts use (Căn cứ lines with dates and issuers, year-less decisions, circulars).
//!
//! `cargo run --release --example gen_corpus -- OUT_DIR [N] [SEED] [PARAGRAPHS]` (N defaults to 100000;
//! PARAGRAPHS of body text, default 24, make documents about 13 KB with ten citations: the density of the
//! real corpus, which averages 43 KB and 33 references a document).

use std::fmt::Write as _;
use std::io::Write;
use std::path::PathBuf;

const FILLER: &str = "Các bộ, ngành, địa phương có trách nhiệm tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ được giao; \
định kỳ báo cáo kết quả thực hiện, những khó khăn, vướng mắc và đề xuất giải pháp tháo gỡ. Kinh phí thực hiện được bố trí \
từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn vốn hợp pháp khác theo quy định của pháp luật.\n";

struct Doc {
    symbol: String,
    kind: &'static str,
    year: i32,
    day: u32,
    month: u32,
}

fn doc(i: usize, rng: &mut fastrand::Rng) -> Doc {
    let year = 2000 + (i % 26) as i32;
    let number = i / 26 + 1;
    let (symbol, kind) = match i % 5 {
        0 => (format!("{number}/{year}/NĐ-CP"), "Nghị định"),
        1 => (format!("{number}/QĐ-TTg"), "Quyết định"),
        2 => (format!("{number}/{year}/TT-BTC"), "Thông tư"),
        3 => (format!("{number}/NQ-CP"), "Nghị quyết"),
        _ => (format!("{number}/QĐ-UBND"), "Quyết định"),
    };
    Doc {
        symbol,
        kind,
        year,
        day: rng.u32(1..=28),
        month: rng.u32(1..=12),
    }
}

/// The header block of the issuer of `symbol`, in capitals as headers write it.
fn header(symbol: &str) -> &'static str {
    if symbol.ends_with("TTg") {
        "THỦ TƯỚNG CHÍNH PHỦ"
    } else if symbol.ends_with("BTC") {
        "BỘ TÀI CHÍNH"
    } else if symbol.ends_with("UBND") {
        "ỦY BAN NHÂN DÂN\nTỈNH QUẢNG NAM"
    } else {
        "CHÍNH PHỦ"
    }
}

fn issuer(symbol: &str) -> &'static str {
    if symbol.ends_with("TTg") {
        "Thủ tướng Chính phủ"
    } else if symbol.ends_with("BTC") {
        "Bộ Tài chính"
    } else if symbol.ends_with("UBND") {
        "Ủy ban nhân dân tỉnh Quảng Nam"
    } else {
        "Chính phủ"
    }
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let out = PathBuf::from(args.next().unwrap_or_else(|| "bench-data/gen".to_string()));
    let n: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(100_000);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(7);
    let paragraphs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(24);
    let mut rng = fastrand::Rng::with_seed(seed);
    let docs: Vec<Doc> = (0..n).map(|i| doc(i, &mut rng)).collect();
    let mut bytes = 0usize;
    for (i, d) in docs.iter().enumerate() {
        let dir = out.join(format!("{:03}", i / 1000));
        std::fs::create_dir_all(&dir)?;
        let mut text = String::with_capacity(2600 + paragraphs * FILLER.len());
        let _ = write!(
            text,
            "{}\nSố: {}\nHà Nội, ngày {} tháng {} năm {}\n\n{}\nVề việc thực hiện nhiệm vụ số {i}\n\n",
            header(&d.symbol),
            d.symbol,
            d.day,
            d.month,
            d.year,
            d.kind.to_uppercase()
        );
        let cites = if i == 0 { 0 } else { 8 + rng.usize(0..5) };
        for k in 0..cites {
            let c = &docs[rng.usize(0..i)];
            let verb = match k % 4 {
                0 | 1 => "Căn cứ",
                2 => "Thực hiện",
                _ => "Theo",
            };
            let _ = writeln!(
                text,
                "{verb} {} số {} ngày {:02}/{:02}/{} của {} về việc tổ chức thực hiện;",
                c.kind,
                c.symbol,
                c.day,
                c.month,
                c.year,
                issuer(&c.symbol)
            );
        }
        text.push('\n');
        for _ in 0..paragraphs {
            text.push_str(FILLER);
        }
        bytes += text.len();
        std::fs::File::create(dir.join(format!("doc_{i:06}.txt")))?.write_all(text.as_bytes())?;
    }
    eprintln!(
        "wrote {n} documents, {:.1} MB, to {}",
        bytes as f64 / 1e6,
        out.display()
    );
    Ok(())
}
