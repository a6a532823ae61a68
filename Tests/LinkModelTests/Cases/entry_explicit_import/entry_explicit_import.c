__attribute__((import_module("env"), import_name("_start"))) void _start(void);
__attribute__((export_name("run"))) void run(void) { _start(); }
