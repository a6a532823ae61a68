void _start(void);
void (*volatile keep)(void);
__attribute__((export_name("run"))) void run(void) { keep = _start; }
