__attribute__((import_module("env"), import_name("log_value"))) void log_value(double);
void _start(void) { log_value(1.5); }
