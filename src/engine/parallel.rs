//! Grading clauses on several threads (native builds only).
//!
//! Each clause is graded on its own (its text, its inherited heading words,
//! the document's parties), so a long contract splits into runs of clauses
//! that threads take in turn; the results are put back in clause order, so
//! the report is the same on any number of threads. In the browser the app
//! runs on one thread (wasm32 has no threads without cross-origin isolation,
//! which a page opened from a file cannot have), and so does a short text,
//! where starting threads costs more than it saves.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Fewer items than this are mapped on the calling thread.
pub const MIN_ITEMS: usize = 256;

/// Items per run a thread takes at a time: small enough to balance the load
/// (security clauses cost far more than boilerplate), large enough that
/// taking a run is rare.
const RUN: usize = 32;

/// The number of threads to use: the available cores, at most 8; one on
/// wasm32.
pub fn threads() -> usize {
    #[cfg(not(target_arch = "wasm32"))]
    {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8)
    }
    #[cfg(target_arch = "wasm32")]
    {
        1
    }
}

/// `f` over runs of `items`, on up to `threads` threads, the outputs
/// concatenated in the order of `items`. `f` gets a run and returns one
/// output per item; `state` makes each thread's private scratch state.
pub fn map_runs<T, S, R>(
    items: &[T],
    threads: usize,
    state: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R>
where
    T: Sync,
    R: Send,
{
    if threads <= 1 || items.len() < MIN_ITEMS || cfg!(target_arch = "wasm32") {
        let mut s = state();
        return items.iter().map(|t| f(&mut s, t)).collect();
    }
    let runs: Vec<&[T]> = items.chunks(RUN).collect();
    let next = AtomicUsize::new(0);
    let done: Mutex<Vec<(usize, Vec<R>)>> = Mutex::new(Vec::with_capacity(runs.len()));
    std::thread::scope(|scope| {
        for _ in 0..threads.min(runs.len()) {
            scope.spawn(|| {
                let mut s = state();
                let mut mine = Vec::new();
                loop {
                    let k = next.fetch_add(1, Ordering::Relaxed);
                    let Some(run) = runs.get(k) else { break };
                    mine.push((k, run.iter().map(|t| f(&mut s, t)).collect::<Vec<R>>()));
                }
                // A poisoned lock means another thread panicked; the scope
                // re-raises that panic, so what is pushed here is never read.
                if let Ok(mut d) = done.lock() {
                    d.extend(mine);
                }
            });
        }
    });
    let mut done = done.into_inner().unwrap_or_else(|p| p.into_inner());
    done.sort_unstable_by_key(|(k, _)| *k);
    done.into_iter().flat_map(|(_, out)| out).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outputs_keep_the_order_of_the_items_on_any_number_of_threads() {
        let items: Vec<usize> = (0..1000).collect();
        let square = |_: &mut (), x: &usize| x * x;
        let one = map_runs(&items, 1, || (), square);
        assert_eq!(one, items.iter().map(|x| x * x).collect::<Vec<_>>());
        for threads in [2, 3, 8] {
            assert_eq!(map_runs(&items, threads, || (), square), one);
        }
    }

    #[test]
    fn each_thread_gets_its_own_state() {
        // Count items per state: every item is seen exactly once in total.
        let items: Vec<u8> = vec![1; 2000];
        let out = map_runs(
            &items,
            4,
            || 0usize,
            |n, _| {
                *n += 1;
                *n
            },
        );
        assert_eq!(out.len(), 2000);
        assert!(out.iter().all(|&n| (1..=2000).contains(&n)));
    }

    #[test]
    fn few_items_run_on_the_calling_thread() {
        let here = std::thread::current().id();
        let items = vec![(); MIN_ITEMS - 1];
        let ids = map_runs(&items, 4, || (), |_, _| std::thread::current().id());
        assert!(ids.iter().all(|id| *id == here));
    }
}
