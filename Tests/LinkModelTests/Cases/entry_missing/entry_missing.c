void missing(void);
__attribute__((export_name("run"))) void run(void) { missing(); }
