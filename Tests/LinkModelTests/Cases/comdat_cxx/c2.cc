void c2_missing();
inline int shared_inline(int x) { c2_missing(); return x + 2; }
int use2(int y) { return shared_inline(y); }
