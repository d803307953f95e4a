package io.secureoverlay.cli;

import io.secureoverlay.model.Cipher;
import io.secureoverlay.model.IcvLength;
import io.secureoverlay.mtu.EspMtuCalculator;
import io.secureoverlay.mtu.UnderlayFamily;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * Option value converters. Each message is only the problem ("is not a number"): {@link
 * OneLineErrorHandler} puts the option name and the value in front of it.
 */
final class OptionConverters {

  private OptionConverters() {}

  /** "a or b", "a, b or c". */
  static String choices(Stream<String> values) {
    List<String> list = values.toList();
    if (list.size() == 1) {
      return list.get(0);
    }
    return String.join(", ", list.subList(0, list.size() - 1)) + " or " + list.get(list.size() - 1);
  }

  /** A byte count such as an MTU; range checks belong to the calculator, which knows the family. */
  public static final class ByteCount implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      String trimmed = value.trim();
      try {
        return Integer.parseInt(trimmed);
      } catch (NumberFormatException e) {
        if (trimmed.matches("\\d+")) {
          throw new TypeConversionException("is above the maximum of " + EspMtuCalculator.MAX_MTU);
        }
        throw new TypeConversionException("is not a whole number of bytes");
      }
    }
  }

  public static final class Icv implements ITypeConverter<IcvLength> {
    @Override
    public IcvLength convert(String value) {
      for (IcvLength icv : IcvLength.values()) {
        if (Integer.toString(icv.bits()).equals(value.trim())) {
          return icv;
        }
      }
      throw new TypeConversionException(
          "is not an ICV length: use "
              + choices(Arrays.stream(IcvLength.values()).map(icv -> Integer.toString(icv.bits())))
              + " (bits)");
    }
  }

  public static final class CipherId implements ITypeConverter<Cipher> {
    @Override
    public Cipher convert(String value) {
      for (Cipher cipher : Cipher.values()) {
        if (cipher.id().equalsIgnoreCase(value.trim())) {
          return cipher;
        }
      }
      throw new TypeConversionException(
          "is not a supported cipher: use "
              + choices(Arrays.stream(Cipher.values()).map(Cipher::id)));
    }
  }

  public static final class Family implements ITypeConverter<UnderlayFamily> {
    @Override
    public UnderlayFamily convert(String value) {
      for (UnderlayFamily family : UnderlayFamily.values()) {
        if (family.id().equalsIgnoreCase(value.trim())) {
          return family;
        }
      }
      throw new TypeConversionException(
          "is not an underlay family: use "
              + choices(Arrays.stream(UnderlayFamily.values()).map(UnderlayFamily::id)));
    }
  }

  public static final class Output implements ITypeConverter<OutputFormat> {
    @Override
    public OutputFormat convert(String value) {
      for (OutputFormat format : OutputFormat.values()) {
        if (format.name().equalsIgnoreCase(value.trim())) {
          return format;
        }
      }
      throw new TypeConversionException(
          "is not an output format: use "
              + choices(
                  Arrays.stream(OutputFormat.values())
                      .map(format -> format.name().toLowerCase(Locale.ROOT))));
    }
  }
}
