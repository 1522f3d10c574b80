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
    fn sort_by_matches_std() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        let mut w = v.clone();
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        w.sort_by_key(|p| p.0);
        assert_eq!(v, w);
    }
}
