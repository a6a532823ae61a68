__attribute__((import_name("by_import_name"))) void local_alias(void);
void by_symbol_name(void);
void dep_a(void) {}
void _start(void) { local_alias(); by_symbol_name(); }
