// Generic-heavy Rust whose v0 symbol names exercise the demangler: every kind of path,
// type and constant that stable rustc mangles, Punycode identifiers, binders and closures.
// DifferentialTests compiles it with `rustc --crate-type=lib --emit=obj
// -C symbol-mangling-version=v0` and compares the demangled names with llvm-cxxfilt.
#![allow(dead_code, non_snake_case, uncommon_codepoints, mixed_script_confusables, confusable_idents)]
use std::fmt::Debug;

pub trait Shape { fn area(&self) -> f64; fn name(&self) -> &'static str { "shape" } }
pub trait Assoc { type Out; fn make(&self) -> Self::Out; }
pub struct Circle(pub f64);
pub struct Wrap<T>(pub T);
pub struct Arr<const N: usize>;
pub struct Flags<const B: bool, const C: char, const I: i32>;
pub struct Big<const U: u128, const S: i64>;

impl Shape for Circle { fn area(&self) -> f64 { self.0 * self.0 * 3.14 } }
impl<T: Debug> Shape for Wrap<T> { fn area(&self) -> f64 { format!("{:?}", self.0).len() as f64 } }
impl<T: Clone> Assoc for Wrap<T> { type Out = (T, T); fn make(&self) -> (T, T) { (self.0.clone(), self.0.clone()) } }
impl<T> Wrap<T> { #[inline(never)] pub fn get(&self) -> &T { &self.0 } #[inline(never)] pub fn map<U, F: FnOnce(&T) -> U>(&self, f: F) -> Wrap<U> { Wrap(f(&self.0)) } }
impl<const N: usize> Arr<N> { #[inline(never)] pub fn len(&self) -> usize { N } }
impl<const B: bool, const C: char, const I: i32> Flags<B, C, I> { #[inline(never)] pub fn show(&self) -> String { format!("{B}{C}{I}") } }
impl<const U: u128, const S: i64> Big<U, S> { #[inline(never)] pub fn val(&self) -> u128 { U ^ (S as u128) } }

#[inline(never)] pub fn id<T>(x: T) -> T { x }
#[inline(never)] pub fn by_ref<'a, T: ?Sized + Debug>(x: &'a T) -> usize { format!("{:?}", x).len() }
#[inline(never)] pub fn by_mut<T: Default>(x: &mut T) { *x = T::default(); }
#[inline(never)] pub fn dyn_call(f: &dyn Fn(u8) -> u16) -> u16 { f(3) }
#[inline(never)] pub fn dyn_generic<T: ?Sized>(_x: &T) -> usize { std::mem::size_of_val(_x) }
#[inline(never)] pub fn hrtb<F: for<'a> Fn(&'a str) -> &'a str>(f: F) -> usize { f("hi").len() }
#[inline(never)] pub fn boxed_iter<'a>(v: &'a [u32]) -> Box<dyn Iterator<Item = &'a u32> + Send + 'a> { Box::new(v.iter()) }
#[inline(never)] pub fn fnptrs(a: fn(), b: unsafe fn(i8) -> i8, c: extern "C" fn(*const u8, *mut u16), d: for<'a> fn(&'a u8) -> &'a u8) -> usize { a as usize + b as usize + c as usize + d as usize }
#[inline(never)] pub fn never() -> ! { loop {} }
#[inline(never)] pub fn größe_ändern(x: u32) -> u32 { x + 1 }
pub struct Ñandú<T>(T);
impl<T: Copy> Ñandú<T> { #[inline(never)] pub fn 走る(&self) -> T { self.0 } }
pub mod 模块 { #[inline(never)] pub fn 函数<T: Copy>(x: T) -> (T, T) { (x, x) } }
#[inline(never)] pub fn closures(n: u32) -> u32 { let add = |x: u32| x + n; let mul = move |x: u32| x * n; id(add)(1) + id(mul)(2) }
#[inline(never)] pub fn nested() -> u32 { fn inner<T: Into<u32>>(t: T) -> u32 { t.into() } inner(3u8) + inner(4u16) }
#[inline(never)] pub fn variadic_user(f: unsafe extern "C" fn(i32, ...) -> i32) -> usize { f as usize }

pub fn instantiate() -> usize {
    let mut total = 0usize;
    total += id((1u8, 2i16, 3i32, 4i64, 5i128, 6isize)).0 as usize;
    total += id((7u16, 8u32, 9u64, 10u128, 11usize, 1.0f32, 2.0f64, true, 'x')).0 as usize;
    total += id([1u8; 4]).len() + id([[0i8; 2]; 3]).len();
    total += by_ref("str") + by_ref(&[1u16, 2, 3][..]) + by_ref(&(1u8,)) + by_ref(&()) + by_ref(&[(); 0]);
    let mut s = String::new(); by_mut(&mut s); let mut v: Vec<Option<&str>> = vec![]; by_mut(&mut v);
    total += dyn_call(&|x| x as u16 * 2) as usize;
    total += dyn_generic::<dyn Debug + Send + Sync>(&5u8) + dyn_generic::<dyn Fn(&u8) -> bool>(&|_: &u8| true);
    total += dyn_generic::<dyn Assoc<Out = u8>>(&Wrap2) + dyn_generic::<[u32]>(&[1, 2][..]) + dyn_generic::<str>("s");
    total += hrtb(|s| s) + boxed_iter(&[1, 2]).count();
    total += id(std::ptr::null::<u8>()) as usize + id(std::ptr::null_mut::<*const u32>()) as usize;
    total += Wrap(3u8).area() as usize + Wrap("a").area() as usize + Circle(1.0).area() as usize;
    total += Wrap(vec![1u8]).make().0.len() + Wrap('c').map(|c| *c as u32).0 as usize;
    total += Wrap(Wrap((1u8, [2u16; 3], &4u32))).get().0 .0 as usize;
    total += Arr::<3>.len() + Arr::<0>.len() + Arr::<{ usize::MAX }>.len();
    total += Flags::<true, 'é', -5>.show().len() + Flags::<false, '\n', 2147483647>.show().len() + Flags::<true, '\'', { i32::MIN }>.show().len();
    total += Flags::<false, '\u{1F600}', 0>.show().len() + Flags::<true, '\\', 1>.show().len() + Flags::<true, '"', 7>.show().len() + Flags::<true, '\t', 8>.show().len();
    total += Big::<{ u128::MAX }, { i64::MIN }>.val() as usize + Big::<0x1234_5678_9abc_def0_1234, -1>.val() as usize;
    total += id(größe_ändern as fn(u32) -> u32)(1) as usize + Ñandú(5u8).走る() as usize + 模块::函数('z').0 as usize;
    total += closures(2) as usize + nested() as usize;
    total += fnptrs(|| {}, id_i8, c_fn, |x| x);
    total += id::<Option<unsafe extern "C" fn(i32, ...) -> i32>>(None).is_none() as usize;
    total += id::<Option<for<'a, 'b> fn(&'a u8, &'b mut [&'a str]) -> &'a u8>>(None).is_none() as usize;
    total += id::<Option<for<'a> fn(&'a u8, for<'b> fn(&'b u16) -> &'b u16) -> &'a u8>>(None).is_none() as usize;
    total += id::<Option<extern "system" fn() -> !>>(None).is_none() as usize;
    total += id::<Option<unsafe fn(*const dyn Shape, *mut [u8; 16]) -> (u8,)>>(None).is_none() as usize;
    total += id::<Option<&dyn for<'a> Fn(&'a str) -> Box<dyn Iterator<Item = (&'a str, char)> + 'a>>>(None).is_none() as usize;
    total += id::<Option<(&'static mut (), *const *mut u8, [(); 3], [&[u8]; 2])>>(None).is_none() as usize;
    total += id(Some(Box::new(|x: &mut Vec<u8>| x.push(1)) as Box<dyn FnMut(&mut Vec<u8>)>)).is_some() as usize;
    total += id::<Result<&'static dyn Shape, std::rc::Rc<std::cell::RefCell<Vec<String>>>>>(Ok(&Circle(2.0))).is_ok() as usize;
    total
}
unsafe fn id_i8(x: i8) -> i8 { x }
extern "C" fn c_fn(_: *const u8, _: *mut u16) {}
pub struct Wrap2;
impl Assoc for Wrap2 { type Out = u8; fn make(&self) -> u8 { 1 } }
