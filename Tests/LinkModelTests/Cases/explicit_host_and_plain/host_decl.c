__attribute__((import_module("host"), import_name("hp"))) void hp(void);
void other(void);
void _start(void) { hp(); other(); }
