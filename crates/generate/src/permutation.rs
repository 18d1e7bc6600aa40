//! A keyed bijection on `0..n`, so that employee `i` can be given a seat and
//! a NIP code of its own without a shuffle of all `n` (which would hold `n`
//! values in memory): a balanced Feistel network on the next power of four,
//! walked until it lands inside `0..n` (fewer than four steps on average).

/// A pseudo-random permutation of `0..n`.
#[derive(Debug, Clone, Copy)]
pub struct Permutation {
    n: u64,
    half_bits: u32,
    key: u64,
}

const ROUNDS: u64 = 4;

impl Permutation {
    pub fn new(n: u64, key: u64) -> Permutation {
        let bits = 64 - n.saturating_sub(1).leading_zeros();
        Permutation {
            n,
            half_bits: bits.div_ceil(2).max(1),
            key,
        }
    }

    /// The image of `i`; `i` must be below `n` (otherwise `i` is returned).
    pub fn apply(&self, i: u64) -> u64 {
        if i >= self.n {
            return i;
        }
        let mut x = i;
        loop {
            x = self.feistel(x);
            if x < self.n {
                return x;
            }
        }
    }

    fn feistel(&self, x: u64) -> u64 {
        let mask = (1u64 << self.half_bits) - 1;
        let mut left = x >> self.half_bits;
        let mut right = x & mask;
        for round in 0..ROUNDS {
            let f = mix(right
                ^ self
                    .key
                    .wrapping_add(round.wrapping_mul(0x9E37_79B9_7F4A_7C15)))
                & mask;
            (left, right) = (right, left ^ f);
        }
        (left << self.half_bits) | right
    }
}

/// SplitMix64's finaliser: a fast, well-mixing 64-bit hash.
pub fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_a_bijection_for_awkward_sizes() {
        for n in [1u64, 2, 3, 5, 17, 1000, 4097] {
            let p = Permutation::new(n, 42);
            let mut seen = vec![false; n as usize];
            for i in 0..n {
                let j = p.apply(i);
                assert!(j < n);
                assert!(!seen[j as usize], "{n}: {j} twice");
                seen[j as usize] = true;
            }
        }
    }

    #[test]
    fn depends_on_the_key() {
        let a: Vec<u64> = (0..50).map(|i| Permutation::new(50, 1).apply(i)).collect();
        let b: Vec<u64> = (0..50).map(|i| Permutation::new(50, 2).apply(i)).collect();
        assert_ne!(a, b);
    }
}
