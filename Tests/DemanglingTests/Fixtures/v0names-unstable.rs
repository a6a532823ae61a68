// Const generics that only nightly features allow (str, ADT, tuple and array constants).
// LLVM does not demangle such names, so neither does Demangler; DifferentialTests builds this
// with RUSTC_BOOTSTRAP=1 when the installed rustc accepts it, and skips it otherwise.
#![feature(adt_const_params, unsized_const_params)]
#![allow(incomplete_features)]
use std::marker::ConstParamTy;
#[derive(PartialEq, Eq, ConstParamTy)] pub struct Point { x: u8, y: i16 }
#[derive(PartialEq, Eq, ConstParamTy)] pub enum Mode { Fast, Slow(u8) }
pub struct S<const T: &'static str>;
pub struct P<const Q: Point>;
pub struct M<const X: Mode>;
pub struct Tup<const T: (u8, bool)>;
pub struct Ar<const A: [u8; 2]>;
impl<const T: &'static str> S<T> { #[inline(never)] pub fn f(&self) -> usize { T.len() } }
impl<const Q: Point> P<Q> { #[inline(never)] pub fn f(&self) -> u8 { Q.x } }
impl<const X: Mode> M<X> { #[inline(never)] pub fn f(&self) -> u8 { 1 } }
impl<const T: (u8, bool)> Tup<T> { #[inline(never)] pub fn f(&self) -> u8 { T.0 } }
impl<const A: [u8; 2]> Ar<A> { #[inline(never)] pub fn f(&self) -> u8 { A[0] } }
pub fn go() -> usize { S::<"héllo">.f() + P::<{Point{x:1,y:-2}}>.f() as usize + M::<{Mode::Slow(3)}>.f() as usize + M::<{Mode::Fast}>.f() as usize + Tup::<{(1, true)}>.f() as usize + Ar::<{[1, 2]}>.f() as usize }
