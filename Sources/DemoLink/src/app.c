// The demo application: every way an undefined symbol can go wrong, in one small link.
//
//   wasm-ld app.o mylib.o -o demo.wasm        (libcompress.a is left off the link line)

// A typo: the library defines mylibrary_init.
extern int mylibraryinit(int flags);

// Defined in libcompress.a, which the link line forgets.
extern int compress_buffer(const char *data, int length);

// An explicit host import: always imported, under every policy.
__attribute__((import_module("host"), import_name("log")))
extern void host_log(const char *message, int length);

// Data that no input defines: under --allow-undefined it silently becomes address 0.
extern int config_value;

// A weak reference: resolves to null when nothing defines it; never an error.
extern void optional_plugin(void) __attribute__((weak));

// import_module alone does not make an explicit import: still an error by default.
__attribute__((import_module("host")))
extern int host_time(void);

static const char greeting[] = "hello from the demo";

void _start(void) {
    host_log(greeting, sizeof greeting - 1);
    int status = mylibraryinit(1);
    status += compress_buffer(greeting, sizeof greeting) + config_value + host_time();
    if (optional_plugin) optional_plugin();
    host_log(status ? "failed" : "ok", status ? 6 : 2);
}
