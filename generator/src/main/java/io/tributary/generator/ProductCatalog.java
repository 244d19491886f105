package io.tributary.generator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

final class ProductCatalog {

    private static final long CATALOG_SEED = 0x7B1B_0A7CL;
    private static final char NBSP = '\u00A0';

    private static final String FURNITURE = "Furniture";
    private static final String OFFICE = "Office Supplies";
    private static final String TECHNOLOGY = "Technology";

    private static final List<String> SERIES = List.of("Classic", "Pro", "Essentials", "Heritage", "Contour",
            "Metro", "Elite", "Studio", "Premier", "Everyday", "Ultra", "Series 300", "Model 7", "Signature");

    private static final List<SubCategory> SUB_CATEGORIES = List.of(
            new SubCategory(FURNITURE, "Bookcases", 23, 6_000, 60_000,
                    List.of("Bookcase", "Open Bookcase", "Corner Bookcase", "Barrister Bookcase", "Ladder Shelf"),
                    List.of("3-Shelf", "5-Shelf", "2-Shelf", "72\" Tall", "Wide"),
                    List.of("Walnut Finish", "Cherry", "Espresso", "White", "Oak Veneer")),
            new SubCategory(FURNITURE, "Chairs", 60, 5_000, 90_000,
                    List.of("Task Chair", "Executive Chair", "Stacking Chairs", "Mesh Chair", "Guest Chair",
                            "Swivel Stool"),
                    List.of("Ergonomic", "High-Back", "Mid-Back", "Armless", "Leather"),
                    List.of("Black", "Gray Fabric", "Adjustable Arms", "Set of 4", "Rounded Back")),
            new SubCategory(FURNITURE, "Furnishings", 100, 300, 15_000,
                    List.of("Wall Clock", "Desk Lamp", "Picture Frame", "Chair Mat", "Cable Tray", "Planter"),
                    List.of("12\"", "9\" x 12\"", "Round", "LED", "Bamboo"),
                    List.of("Silver", "Black", "Set of 2", "Walnut", "Brushed Steel")),
            new SubCategory(FURNITURE, "Tables", 32, 9_000, 120_000,
                    List.of("Conference Table", "Training Table", "Round Table", "Folding Table", "Standing Desk"),
                    List.of("60\" x 30\"", "48\" Round", "Rectangular", "Height-Adjustable", "Mobile"),
                    List.of("Maple Top", "Gray Laminate", "Cherry", "Black Base")),
            new SubCategory(OFFICE, "Appliances", 50, 800, 60_000,
                    List.of("Microwave", "Space Heater", "Air Purifier", "Coffee Maker", "Surge Protector",
                            "Desk Fan"),
                    List.of("1000W", "6-Outlet", "Compact", "12-Cup", "Quiet"),
                    List.of("White", "Stainless", "with Timer", "2-Pack")),
            new SubCategory(OFFICE, "Art", 80, 100, 4_000,
                    List.of("Pencils", "Markers", "Highlighters", "Crayons", "Sketch Pads", "Rulers"),
                    List.of("Colored", "Dry-Erase", "Fine Tip", "12-Pack", "24-Count"),
                    List.of("Assorted Colors", "Black", "Blue", "Bulk Pack")),
            new SubCategory(OFFICE, "Binders", 150, 150, 30_000,
                    List.of("Ring Binder", "View Binder", "Binding Covers", "Report Covers", "Binding Machine"),
                    List.of("1\"", "2\"", "3\"", "D-Ring", "Round Ring", "Heavy-Duty"),
                    List.of("Black", "Clear", "10/Pack", "Letter Size")),
            new SubCategory(OFFICE, "Envelopes", 25, 300, 6_000,
                    List.of("Envelopes", "Catalog Envelopes", "Security Envelopes", "Mailers"),
                    List.of("#10", "9\" x 12\"", "Peel & Seal", "Padded", "Window"),
                    List.of("White", "Kraft", "100/Box", "500/Box")),
            new SubCategory(OFFICE, "Fasteners", 22, 100, 3_000,
                    List.of("Paper Clips", "Binder Clips", "Push Pins", "Rubber Bands", "Staples"),
                    List.of("Jumbo", "Small", "Standard", "Assorted"),
                    List.of("100/Box", "Silver", "Colored", "12/Pack")),
            new SubCategory(OFFICE, "Labels", 36, 200, 4_000,
                    List.of("Address Labels", "File Folder Labels", "Shipping Labels", "Name Badges"),
                    List.of("Laser", "Inkjet", "Removable", "Color-Coded"),
                    List.of("White", "30/Sheet", "750/Pack", "Assorted")),
            new SubCategory(OFFICE, "Paper", 140, 300, 8_000,
                    List.of("Copy Paper", "Notebooks", "Message Books", "Legal Pads", "Cardstock"),
                    List.of("8.5\" x 11\"", "Recycled", "Bright White", "Wirebound", "20 lb"),
                    List.of("500 Sheets", "5,000 Sheets", "12/Pack", "Letter")),
            new SubCategory(OFFICE, "Storage", 85, 500, 80_000,
                    List.of("File Cabinet", "Storage Box", "Shelving Unit", "Drawer Organizer", "Rolling Cart"),
                    List.of("2-Drawer", "4-Drawer", "Stackable", "Locking", "Steel"),
                    List.of("Black", "Putty", "Set of 3", "Letter/Legal")),
            new SubCategory(OFFICE, "Supplies", 19, 200, 20_000,
                    List.of("Scissors", "Letter Opener", "Stapler", "Hole Punch", "Paper Trimmer"),
                    List.of("Stainless", "3-Hole", "Electric", "8\"", "Heavy-Duty"),
                    List.of("Black", "Blue", "Soft Grip")),
            new SubCategory(TECHNOLOGY, "Accessories", 80, 500, 30_000,
                    List.of("Wireless Mouse", "Keyboard", "USB Flash Drive", "Headset", "Webcam", "Memory Card"),
                    List.of("Bluetooth", "Ergonomic", "32GB", "64GB", "Noise-Cancelling", "HD"),
                    List.of("Black", "Silver", "Retail Pack", "Gen 2")),
            new SubCategory(TECHNOLOGY, "Copiers", 7, 30_000, 350_000,
                    List.of("Copier", "Laser Printer", "Multifunction Printer", "Digital Duplicator"),
                    List.of("Color", "Monochrome", "Wireless", "High-Speed"),
                    List.of("Duplex", "with Stapler", "50 ppm")),
            new SubCategory(TECHNOLOGY, "Machines", 12, 5_000, 250_000,
                    List.of("Shredder", "Label Maker", "Laminator", "Fax Machine", "3D Printer"),
                    List.of("Cross-Cut", "Micro-Cut", "Thermal", "Desktop", "Industrial"),
                    List.of("12-Sheet", "Gray", "with Cartridges")),
            new SubCategory(TECHNOLOGY, "Phones", 90, 1_000, 90_000,
                    List.of("Smartphone", "Cordless Phone", "Conference Phone", "Phone Case", "VoIP Phone"),
                    List.of("5G", "Dual-SIM", "Rugged", "Unlocked", "6.1\""),
                    List.of("Black", "Blue", "128GB", "Refurbished")));

    private static final List<String> BRANDS_FURNITURE = List.of("Harborline", "Kestrel", "Oakhaven",
            "Alder & Finch", "Bluestem", "Meridian", "Copperleaf", "Northgate");
    private static final List<String> BRANDS_OFFICE = List.of("Paperwell", "Inkstone", "Clearmark", "Staplewood",
            "Brightline", "Tidy", "Fieldcrest", "Quillon", "Summit Office");
    private static final List<String> BRANDS_TECHNOLOGY = List.of("Voltix", "Nimbus", "Arclight", "Quanta",
            "Helix", "Corvane", "Lumera", "Pinewave");

    private static final ProductCatalog INSTANCE = new ProductCatalog();

    private final Weighted<List<Product>> bySubCategory = new Weighted<>();

    private ProductCatalog() {
        SplittableRandom rng = new SplittableRandom(CATALOG_SEED);
        long number = 10_000_000L;
        for (SubCategory sub : SUB_CATEGORIES) {
            int count = 20 + rng.nextInt(41);
            List<Product> products = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                number += 1 + rng.nextInt(12);
                products.add(new Product(sub.code() + "-" + number, sub.category(), sub.name(), name(sub, rng),
                        price(sub, rng), BigDecimal.valueOf(45 + rng.nextInt(46), 2)));
            }
            bySubCategory.add(List.copyOf(products), sub.shareWeight());
        }
    }

    static ProductCatalog instance() {
        return INSTANCE;
    }

    Product pick(SplittableRandom rng) {
        List<Product> products = bySubCategory.pick(rng);
        return products.get(rng.nextInt(products.size()));
    }

    private static String name(SubCategory sub, SplittableRandom rng) {
        StringBuilder name = new StringBuilder(pickFrom(brands(sub.category()), rng)).append(' ')
                .append(pickFrom(SERIES, rng));
        if (rng.nextInt(100) < 60) {
            name.append(' ').append(pickFrom(sub.attributes(), rng));
        }
        name.append(rng.nextInt(100) < 8 ? NBSP : ' ').append(pickFrom(sub.nouns(), rng));
        if (rng.nextInt(100) < 35) {
            name.append(", ").append(pickFrom(sub.variants(), rng));
        }
        return name.toString();
    }

    private static BigDecimal price(SubCategory sub, SplittableRandom rng) {
        double low = Math.log(sub.minCents());
        double high = Math.log(sub.maxCents());
        long cents = Math.round(Math.exp(low + (high - low) * rng.nextDouble()));
        return BigDecimal.valueOf(Math.max(cents, 1), 2);
    }

    private static List<String> brands(String category) {
        return switch (category) {
            case FURNITURE -> BRANDS_FURNITURE;
            case OFFICE -> BRANDS_OFFICE;
            default -> BRANDS_TECHNOLOGY;
        };
    }

    private static <T> T pickFrom(List<T> items, SplittableRandom rng) {
        return items.get(rng.nextInt(items.size()));
    }
}
