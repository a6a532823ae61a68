__attribute__((weak)) int wd(void) { return 4; }
