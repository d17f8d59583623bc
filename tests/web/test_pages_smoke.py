def test_smoke(web, seeded):
    for url in ["/", "/organizations", f"/organizations/{seeded.vyazma}", f"/organizations/{seeded.bus}",
                f"/organizations/{seeded.vyazma}/edit", "/organizations/new", "/links", "/projects",
                "/agreements", "/indicators", "/organizations?page=2"]:
        r = web.get(url)
        assert r.status_code == 200, (url, r.text[:3000])
