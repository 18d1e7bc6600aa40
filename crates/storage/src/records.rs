//! Stored impls
