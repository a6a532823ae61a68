#![no_std]
#[link(wasm_import_module = "host")]
extern "C" {
    fn host_fn(x: i32) -> i32;
    #[link_name = "renamed_in_host"]
    fn host_renamed();
    static host_static: i32;
}
extern "C" {
    fn plain_fn(x: i32) -> i32;
    static plain_static: i32;
}
#[no_mangle]
pub extern "C" fn run(x: i32) -> i32 {
    unsafe { host_renamed(); host_fn(x) + plain_fn(x) + host_static + plain_static + (&plain_static as *const i32 as i32) }
}
#[panic_handler]
fn panic(_: &core::panic::PanicInfo) -> ! { loop {} }
