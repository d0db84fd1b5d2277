package io.payops.ui.dashboard;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.css.CssMetaData;
import javafx.css.PseudoClass;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleablePropertyFactory;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A TilesFX number tile, built once, whose colours come from the stylesheet. TilesFX 17.1.21 keeps its colours in
 * plain properties (only the thumb colour is styleable), so this wrapper declares its own CSS properties
 * ({@code -kpi-background-color}, {@code -kpi-border-color}, {@code -kpi-title-color}, {@code -kpi-value-color},
 * {@code -kpi-unit-color}, {@code -kpi-text-color}) and hands whatever the CSS resolves to the tile. The stylesheet
 * sets them from the design tokens, per health pseudo-class ({@code :healthy}, {@code :degraded}, {@code :down}),
 * so a theme switch or a change of health recolours the tile without a colour in Java.
 */
public final class KpiTile extends StackPane {
    private static final StyleablePropertyFactory<KpiTile> CSS =
            new StyleablePropertyFactory<>(StackPane.getClassCssMetaData());
    private static final CssMetaData<KpiTile, Color> BACKGROUND =
            CSS.createColorCssMetaData("-kpi-background-color", t -> t.backgroundColor);
    private static final CssMetaData<KpiTile, Color> BORDER =
            CSS.createColorCssMetaData("-kpi-border-color", t -> t.borderColor);
    private static final CssMetaData<KpiTile, Color> TITLE =
            CSS.createColorCssMetaData("-kpi-title-color", t -> t.titleColor);
    private static final CssMetaData<KpiTile, Color> VALUE =
            CSS.createColorCssMetaData("-kpi-value-color", t -> t.valueColor);
    private static final CssMetaData<KpiTile, Color> UNIT =
            CSS.createColorCssMetaData("-kpi-unit-color", t -> t.unitColor);
    private static final CssMetaData<KpiTile, Color> TEXT =
            CSS.createColorCssMetaData("-kpi-text-color", t -> t.textColor);
    /** Wide enough that no KPI is ever clamped by the tile's gauge range (the default is 0..100). */
    private static final double VALUE_LIMIT = 1e12;

    private final Tile tile;
    private final StyleableObjectProperty<Color> backgroundColor;
    private final StyleableObjectProperty<Color> borderColor;
    private final StyleableObjectProperty<Color> titleColor;
    private final StyleableObjectProperty<Color> valueColor;
    private final StyleableObjectProperty<Color> unitColor;
    private final StyleableObjectProperty<Color> textColor;
    private final ObjectProperty<HealthLevel> level = new SimpleObjectProperty<>(this, "level", HealthLevel.NEUTRAL) {
        @Override
        protected void invalidated() {
            HealthLevel now = get();
            for (HealthLevel l : HealthLevel.values()) {
                if (l.pseudoClass() != null) {
                    pseudoClassStateChanged(PseudoClass.getPseudoClass(l.pseudoClass()), l == now);
                }
            }
        }
    };

    public KpiTile() {
        getStyleClass().add("kpi-tile");
        tile = TileBuilder.create()
                .skinType(Tile.SkinType.NUMBER)
                .minValue(-VALUE_LIMIT)
                .maxValue(VALUE_LIMIT)
                .animated(false)
                .textVisible(true)
                .textSize(Tile.TextSize.BIGGER)
                .locale(Locale.ROOT)
                .borderWidth(1)
                .roundedCorners(true)
                .build();
        tile.setMinSize(0, 0);
        tile.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        backgroundColor = colour(BACKGROUND, "backgroundColor", tile::setBackgroundColor);
        borderColor = colour(BORDER, "borderColor", tile::setBorderColor);
        titleColor = colour(TITLE, "titleColor", tile::setTitleColor);
        valueColor = colour(VALUE, "valueColor", tile::setValueColor);
        unitColor = colour(UNIT, "unitColor", tile::setUnitColor);
        textColor = colour(TEXT, "textColor", c -> {
            tile.setTextColor(c);
            tile.setDescriptionColor(c);
        });
        getChildren().add(tile);
    }

    private StyleableObjectProperty<Color> colour(CssMetaData<KpiTile, Color> meta, String name,
                                                  Consumer<Color> apply) {
        StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(meta, this, name);
        p.addListener((o, was, now) -> {
            if (now != null) {
                apply.accept(now);
            }
        });
        return p;
    }

    /**
     * Shows one KPI: its fixed title, unit, decimals and help, and follows its value, caption and health. Called
     * once, before the tile is shown: the skin is made here, after the unit is known, because TilesFX's number
     * skin hides its unit text for good when the tile has no unit at the moment the skin is made.
     */
    public void bindTo(Kpi kpi) {
        tile.setTitle(kpi.title());
        tile.setUnit(kpi.unit());
        tile.setDecimals(kpi.decimals());
        tile.setSkin(new CompactNumberTileSkin(tile));
        tile.setTooltip(Tooltips.wrapped(kpi.title() + ": " + kpi.help()));
        tile.valueProperty().bind(kpi.valueProperty());
        tile.textProperty().bind(kpi.captionProperty());
        level.bind(kpi.levelProperty());
    }

    /** The TilesFX tile inside, for tests and for layout tweaks. */
    public Tile getTile() {
        return tile;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS.getCssMetaData();
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return getClassCssMetaData();
    }
}
