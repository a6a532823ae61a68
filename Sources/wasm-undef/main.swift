print("wasm-undef: under construction")
