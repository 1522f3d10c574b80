//! The crate's one stable sort.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every call
//! site used to bring its own copy of the sort into the wasm (about 37 KB before
//! wasm-opt for nine sites). Here the sorting itself is done once, on `u32`
//! indices through a `dyn` comparator; a call site only adds the small generic
//! step that moves its elements into the sorted order. Natively, where code size
//! does not matter and feeds are large, `sort_by` is used directly. Both are
//! stable, so the order is the same on every target.

use std::cmp::Ordering;

/// The stable sorted order of `0..n` under `cmp` (indices compared by value).
pub fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<u32> {
    let mut idx: Vec<u32> = (0..n as u32).collect();
    idx.sort_by(|&a, &b| cmp(a as usize, b as usize));
    idx
}

/// The sorted order of `0..n` by several small integer keys, the first the
/// most significant: `keys` pairs each key with its bound (every value is
/// below it). The keys are packed into one number per index, read once in
/// input order, and sorted by a radix sort that only ever walks arrays from
/// start to end: a comparison sort of the scoring's 1.26 M records (5,000 partners) took a
/// quarter of a second in the wasm, most of it fetching records in the
/// comparator. Bounds whose product passes 64 bits fall back to that sort.
pub fn order_by_keys(n: usize, keys: &[(&dyn Fn(usize) -> usize, usize)]) -> Vec<u32> {
    let mut span: u64 = 1;
    for &(_, bound) in keys {
        match span.checked_mul(bound.max(1) as u64) {
            Some(s) => span = s,
            None => {
                let packed = |i: usize| keys.iter().map(move |(key, _)| key(i));
                return order(n, &mut |a, b| packed(a).cmp(packed(b)));
            }
        }
    }
    let mut items: Vec<(u64, u32)> = (0..n)
        .map(|i| {
            let k = keys.iter().fold(0u64, |k, &(key, bound)| {
                k * bound.max(1) as u64 + key(i) as u64
            });
            (k, i as u32)
        })
        .collect();
    let mut out = vec![(0u64, 0u32); n];
    const BITS: u32 = 11;
    let digits = (u64::BITS - (span - 1).leading_zeros()).div_ceil(BITS);
    for d in 0..digits {
        let digit = |k: u64| ((k >> (d * BITS)) & ((1 << BITS) - 1)) as usize;
        // starts[v]: where the first item with digit v goes; stable within a digit.
        let mut starts = vec![0usize; (1 << BITS) + 1];
        for &(k, _) in &items {
            starts[digit(k) + 1] += 1;
        }
        for v in 1..starts.len() {
            starts[v] += starts[v - 1];
        }
        for &item in &items {
            let slot = &mut starts[digit(item.0)];
            out[*slot] = item;
            *slot += 1;
        }
        std::mem::swap(&mut items, &mut out);
    }
    items.into_iter().map(|(_, i)| i).collect()
}

/// Sorts `v` stably by `cmp`, like `v.sort_by(cmp)`.
pub fn sort_by<T>(v: &mut [T], mut cmp: impl FnMut(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    {
        let idx = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
        permute(v, &idx);
    }
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(|a, b| cmp(a, b));
}

/// Rearranges `v` so that `v[k]` is the element that was at `idx[k]`.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn permute<T>(v: &mut [T], idx: &[u32]) {
    // `dest[i]`: where the element now at `i` belongs. Swapping along the
    // cycles puts every element in place in O(n).
    let mut dest = vec![0u32; idx.len()];
    for (k, &i) in idx.iter().enumerate() {
        dest[i as usize] = k as u32;
    }
    for i in 0..v.len() {
        while dest[i] as usize != i {
            let d = dest[i] as usize;
            v.swap(i, d);
            dest.swap(i, d);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_stable() {
        let keys = [3, 1, 2, 1, 3, 0];
        let idx = order(keys.len(), &mut |a, b| keys[a].cmp(&keys[b]));
        assert_eq!(idx, vec![5, 1, 3, 2, 0, 4]);
    }

    #[test]
    fn order_then_permute_matches_std() {
        // The wasm path of `sort_by`, checked natively.
        let mut v: Vec<(u8, usize)> = (0..40).map(|i| ((i * 7 % 5) as u8, i)).collect();
        let mut w = v.clone();
        let keys: Vec<u8> = v.iter().map(|p| p.0).collect();
        let idx = order(v.len(), &mut |a, b| keys[b].cmp(&keys[a]));
        permute(&mut v, &idx);
        w.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(v, w);
    }

    #[test]
    fn order_by_keys_matches_a_stable_sort_by_the_tuple() {
        let rows: Vec<(usize, usize, usize)> =
            (0..500).map(|i| (i * 7 % 13, i * 3 % 5, i % 4)).collect();
        let idx = order_by_keys(
            rows.len(),
            &[
                (&|i| rows[i].0, 13),
                (&|i| rows[i].1, 5),
                (&|i| rows[i].2, 4),
            ],
        );
        let mut want: Vec<u32> = (0..rows.len() as u32).collect();
        want.sort_by_key(|&i| rows[i as usize]);
        assert_eq!(idx, want);
        assert_eq!(order_by_keys(0, &[(&|_| 0, 1)]), Vec::<u32>::new());
        // Wide bounds: a radix sort of three digits, same order.
        let wide = order_by_keys(
            rows.len(),
            &[
                (&|i| rows[i].0, 5000),
                (&|i| rows[i].1, 36_000),
                (&|i| rows[i].2, 4),
            ],
        );
        assert_eq!(wide, want);
        // Bounds past 64 bits in all: the comparison sort, same order.
        let big = order_by_keys(
            rows.len(),
            &[
                (&|i| rows[i].0, usize::MAX),
                (&|i| rows[i].1, usize::MAX),
                (&|i| rows[i].2, 4),
            ],
        );
        assert_eq!(big, want);
    }

    #[test]
    fn sort_by_matches_std() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let mut w = v.clone();
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        w.sort_by_key(|p| p.0);
        assert_eq!(v, w);
    }
}
