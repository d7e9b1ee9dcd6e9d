//! The `vncite` command: a thin shell over the library.

mod cli;

// Extraction allocates many small strings per reference; glibc's allocator cost about an eighth of a run.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    cli::run()
}
